"""The interview: a pure state machine (`engine`) and the loop that drives it through the ports (`runner`)."""
