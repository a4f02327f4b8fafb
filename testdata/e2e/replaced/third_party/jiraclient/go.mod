module example.com/jiraclient

go 1.26
