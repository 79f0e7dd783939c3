"""The glossary: its store, how its terms are found in a sentence, and term files in and out."""
