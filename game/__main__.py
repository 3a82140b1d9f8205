from game.app.cli import main

raise SystemExit(main())
