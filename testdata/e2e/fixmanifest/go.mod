module example.com/fixmanifest

go 1.26
