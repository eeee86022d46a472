"""Built-in pipeline stages. Each module holds one stage; the registry imports them lazily."""
