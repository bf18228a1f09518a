// End-to-end tests land here.
