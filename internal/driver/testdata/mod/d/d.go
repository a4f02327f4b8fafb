package d

func good() int { return 2 }

var _ = good()
