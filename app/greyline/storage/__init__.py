"""Storage: tables, unit of work, repositories, migrations, encryption and the evidence vault."""
