from mtkit.cli import main

if __name__ == "__main__":   # not when a spawned worker process (Dask) re-imports it
    main()
