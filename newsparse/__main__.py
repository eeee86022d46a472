from newsparse.cli.app import main

main()
