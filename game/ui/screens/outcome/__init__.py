"""The outcome and debrief screen (``screen``) and its pages as laid-out documents (``tabs``)."""
