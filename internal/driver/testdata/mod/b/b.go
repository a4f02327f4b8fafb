package b

var X = undefinedThing

func Y() {}
