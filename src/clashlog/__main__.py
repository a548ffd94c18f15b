from clashlog.cli import main

main()
