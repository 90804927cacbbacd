"""Events: the CAMEO verb dictionary, the coder, CAMEO tables and the PLOVER mapping."""
