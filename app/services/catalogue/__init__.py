"""The award catalogue: award forms, their rewards and vote rule, their criteria, the shipped defaults."""
