"""Running the application as a school's appliance: backups, restore, upgrade, health, proxy."""
