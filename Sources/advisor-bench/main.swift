print("advisor-bench: not built yet")
