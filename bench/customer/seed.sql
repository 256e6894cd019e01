-- 100,000 synthetic customers for the customer benchmark (MariaDB's SEQUENCE engine makes the rows).
INSERT INTO customer (number, name, contact_person, email, phone, street, postal_code, city, country, archived,
                      created_at, updated_at, version)
SELECT CONCAT('K-', LPAD(seq, 6, '0')),
       CONCAT(ELT(1 + seq % 12, 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
                  'Schulz', 'Hoffmann', 'Öztürk', 'Kowalski'), ' ',
              ELT(1 + (seq DIV 12) % 10, 'Holzwerkstatt', 'Metallbau', 'Elektrotechnik', 'Modellbau', 'Robotik',
                  'Feinmechanik', 'Messtechnik', 'Gerätebau', 'Drucktechnik', 'Laserschnitt'), ' ',
              ELT(1 + seq % 4, 'GmbH', 'KG', 'e.K.', 'AG'), ' ', seq),
       CONCAT(ELT(1 + seq % 8, 'Anna', 'Jonas', 'Lea', 'Paul', 'Zoë', 'Jörg', 'Mia', 'Ben'), ' Kontakt'),
       CONCAT('kontakt', seq, '@firma', seq % 997, '.example'),
       CONCAT('+49 ', 30 + seq % 900, ' ', 100000 + seq),
       CONCAT(ELT(1 + seq % 5, 'Hauptstraße', 'Gartenweg', 'Am Markt', 'Industriestraße', 'Lindenallee'), ' ', 1 + seq % 150),
       LPAD(1000 + seq % 98999, 5, '0'),
       ELT(1 + seq % 10, 'Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf',
           'Leipzig', 'Dresden', 'Nürnberg'),
       'DE', FALSE, NOW(6), NOW(6) - INTERVAL (seq % 1000) MINUTE, 0
FROM seq_1_to_100000;

INSERT INTO customer_tag (customer_id, tag)
SELECT id, ELT(1 + id % 5, 'Schule', 'Verein', 'Industrie', 'Handwerk', 'Privat') FROM customer WHERE id % 3 = 0;

-- the folded search text Kontor maintains for every customer (see customer.SearchText)
UPDATE customer SET search_text = CONCAT_WS(' ',
    LOWER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(CONCAT_WS(' ', number, name, contact_person, email, city),
        'ü', 'u'), 'Ü', 'U'), 'ö', 'o'), 'Ö', 'O'), 'ë', 'e'), 'ä', 'a')),
    IF(CONCAT_WS(' ', name, contact_person, city) REGEXP '[äöüÄÖÜ]',
       LOWER(REPLACE(REPLACE(REPLACE(REPLACE(CONCAT_WS(' ', name, contact_person, city), 'ü', 'ue'), 'Ü', 'Ue'), 'ö', 'oe'), 'Ö', 'Oe')),
       NULL));

SELECT SETVAL(customer_number_seq, 100001);
ANALYZE TABLE customer, customer_tag;
