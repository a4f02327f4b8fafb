module example.com/replaced

go 1.26

require example.com/jiraclient v0.1.0

replace example.com/jiraclient => ./third_party/jiraclient
