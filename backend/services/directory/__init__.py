"""Directory: specializations, doctors and patients, as admins manage them and patients find them."""
