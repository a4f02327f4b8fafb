module example.com/fixscope

go 1.26
