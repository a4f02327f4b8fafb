module github.com/craftamap/atlas-gonnect

go 1.26
