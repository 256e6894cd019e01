package de.kontor.base.prefs;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserPreferenceRepository extends JpaRepository<UserPreference, String> {}
