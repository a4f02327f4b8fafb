package a

func bad() int  { return 1 }
func good() int { return 2 }

func F() int { return bad() + good() }
