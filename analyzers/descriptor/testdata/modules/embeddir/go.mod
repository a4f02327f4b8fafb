module example.com/embeddir

go 1.26
