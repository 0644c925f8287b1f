// ConcordFormats
