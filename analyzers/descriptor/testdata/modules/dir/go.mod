module example.com/dir

go 1.26
