"""English word lists: the calendar (:mod:`.calendar`) and the stop words of
each component (:mod:`.stopwords`)."""
