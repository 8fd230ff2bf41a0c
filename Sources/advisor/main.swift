print("advisor")
