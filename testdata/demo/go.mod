module example.com/issuecleaner

go 1.26
