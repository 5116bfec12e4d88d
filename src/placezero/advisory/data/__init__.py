"""Data files of the advisory app (the wizard every place starts with, the demo resources);
a package so that they are installed with it."""
