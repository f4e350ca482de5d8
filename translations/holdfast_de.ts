<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessPolicy</name>
    <message>
        <source>no role: %1 is not allowed</source>
        <translation>keine Rolle: %1 ist nicht erlaubt</translation>
    </message>
    <message>
        <source>read-only (%1): %2 is not allowed</source>
        <translation>schreibgeschützt (%1): %2 ist nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>VaultCatalog</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>holdfast::Workspace</name>
    <message>
        <source>cache damaged: %1: the blob directory is missing</source>
        <translation>Cache beschädigt: %1: das Blob-Verzeichnis fehlt</translation>
    </message>
    <message>
        <source>%1: cannot lock the blob directory</source>
        <translation>%1: das Blob-Verzeichnis kann nicht gesperrt werden</translation>
    </message>
    <message>
        <source>cache directory is not empty: %1</source>
        <translation>Cache-Verzeichnis ist nicht leer: %1</translation>
    </message>
    <message>
        <source>cannot create the cache directory %1</source>
        <translation>Cache-Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot restrict the permissions of %1</source>
        <translation>Zugriffsrechte von %1 können nicht eingeschränkt werden</translation>
    </message>
    <message>
        <source>no cache at %1</source>
        <translation>kein Cache unter %1</translation>
    </message>
    <message>
        <source>cache damaged: %1: the key file is missing</source>
        <translation>Cache beschädigt: %1: die Schlüsseldatei fehlt</translation>
    </message>
    <message>
        <source>cache damaged: %1: the database is missing</source>
        <translation>Cache beschädigt: %1: die Datenbank fehlt</translation>
    </message>
    <message>
        <source>no role given (officer, legal or auditor)</source>
        <translation>keine Rolle angegeben (officer, legal oder auditor)</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>import cancelled after %1 of %2 packages (each imported package is complete)</source>
        <translation>Import nach %1 von %2 Paketen abgebrochen (jedes importierte Paket ist vollständig)</translation>
    </message>
    <message>
        <source>%1: changed while it was being imported</source>
        <translation>%1: wurde während des Imports geändert</translation>
    </message>
    <message>
        <source>transcript.json: %1</source>
        <translation>transcript.json: %1</translation>
    </message>
    <message>
        <source>recording %1 has no track %2</source>
        <translation>Aufzeichnung %1 hat keine Spur %2</translation>
    </message>
    <message>
        <source>the media of track %1 of recording %2 is not in the cache yet</source>
        <translation>die Medien der Spur %1 der Aufzeichnung %2 sind noch nicht im Cache</translation>
    </message>
    <message>
        <source>cannot open the cache directory %1</source>
        <translation>Cache-Verzeichnis %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>another sync is already running on the cache %1</source>
        <translation>auf dem Cache %1 läuft bereits eine andere Synchronisierung</translation>
    </message>
    <message>
        <source>track %1 of recording %2 is not an audio track</source>
        <translation>Spur %1 der Aufzeichnung %2 ist keine Audiospur</translation>
    </message>
    <message>
        <source>no audio of recording %1 is in the cache yet</source>
        <translation>von der Aufzeichnung %1 ist noch kein Audio im Cache</translation>
    </message>
    <message>
        <source>recording %1 was imported, not synced from a vault: there is nowhere to download its media from</source>
        <translation>Aufzeichnung %1 wurde importiert, nicht aus einem Tresor synchronisiert: Ihre Medien können nirgendwo heruntergeladen werden</translation>
    </message>
    <message>
        <source>recording %1 came from %2, which is not a saved vault account: add the account to download its media</source>
        <translation>Aufzeichnung %1 stammt aus %2, das kein gespeichertes Tresorkonto ist: Fügen Sie das Konto hinzu, um ihre Medien herunterzuladen</translation>
    </message>
    <message>
        <source>vault account &quot;%1&quot;: %2</source>
        <translation>Tresorkonto „%1“: %2</translation>
    </message>
</context>
<context>
    <name>holdfast::capture::VerificationText</name>
    <message>
        <source>wrong length (%1 bytes, an Ed25519 signature has %2)</source>
        <translation>falsche Länge (%1 Bytes, eine Ed25519-Signatur hat %2)</translation>
    </message>
    <message>
        <source>signed by an invalid capture node id &quot;%1&quot;</source>
        <translation>signiert mit einer ungültigen Kennung des Aufnahmeknotens „%1“</translation>
    </message>
    <message>
        <source>signed by capture node %1 whose key is not trusted (no keys/%1.pem)</source>
        <translation>signiert von Aufnahmeknoten %1, dessen Schlüssel nicht vertrauenswürdig ist (keine keys/%1.pem)</translation>
    </message>
    <message>
        <source>trusted key of capture node %1 is unusable: %2</source>
        <translation>der vertrauenswürdige Schlüssel von Aufnahmeknoten %1 ist unbrauchbar: %2</translation>
    </message>
    <message>
        <source>invalid signature: manifest.json was not signed by capture node %1 (keys/%1.pem) or was changed</source>
        <translation>ungültige Signatur: manifest.json wurde nicht von Aufnahmeknoten %1 (keys/%1.pem) signiert oder wurde verändert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>dangling symbolic link</source>
        <translation>symbolischer Link ohne Ziel</translation>
    </message>
    <message>
        <source>symbolic link pointing outside the package (to %1)</source>
        <translation>symbolischer Link, der aus dem Paket hinauszeigt (auf %1)</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>ist ein Verzeichnis, keine Datei</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>too large (%1 bytes, at most %2 allowed)</source>
        <translation>zu groß (%1 Bytes, höchstens %2 erlaubt)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>too large (more than %1 bytes)</source>
        <translation>zu groß (mehr als %1 Bytes)</translation>
    </message>
    <message>
        <source>package directory %1 does not exist</source>
        <translation>Paketverzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <source>unparseable: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>recording id %1 does not match the package directory name %2</source>
        <translation>Aufzeichnungs-ID %1 passt nicht zum Namen des Paketverzeichnisses %2</translation>
    </message>
    <message>
        <source>package is stored under %1 but its started_at belongs in %2</source>
        <translation>Paket liegt unter %1, gehört laut started_at aber nach %2</translation>
    </message>
    <message>
        <source>unsafe or reserved path in manifest.json</source>
        <translation>unsicherer oder reservierter Pfad in manifest.json</translation>
    </message>
    <message>
        <source>size mismatch (expected %1 bytes, got %2)</source>
        <translation>Größe stimmt nicht (erwartet %1 Bytes, erhalten %2)</translation>
    </message>
    <message>
        <source>SHA-256 mismatch (expected %1, got %2)</source>
        <translation>SHA-256 stimmt nicht (erwartet %1, erhalten %2)</translation>
    </message>
    <message>
        <source>unlisted file (not in manifest.json)</source>
        <translation>nicht aufgeführte Datei (nicht in manifest.json)</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>ungültig: %1</translation>
    </message>
    <message>
        <source>SHA-256 mismatch (expected %1…, got %2…)</source>
        <translation>SHA-256 stimmt nicht (erwartet %1…, erhalten %2…)</translation>
    </message>
    <message>
        <source>recording %1: %2</source>
        <translation>Aufzeichnung %1: %2</translation>
    </message>
    <message>
        <source>%1 (the verified copy already in the cache is kept)</source>
        <translation>%1 (die bereits im Cache liegende verifizierte Kopie bleibt erhalten)</translation>
    </message>
    <message>
        <source>recording %1 is quarantined: %2</source>
        <translation>Aufzeichnung %1 ist in Quarantäne: %2</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::DisplayNames</name>
    <message>
        <source>audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>screen share</source>
        <translation>Bildschirmfreigabe</translation>
    </message>
    <message>
        <source>active</source>
        <comment>legal hold state</comment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>%1×</source>
        <extracomment>Playback speed, e.g. &quot;1.5×&quot;; %1 is the number in the user&apos;s locale.</extracomment>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::FilterSidebar</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Screen share</source>
        <translation>Bildschirmfreigabe</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Recorded on or after</source>
        <translation>Aufgezeichnet an oder nach diesem Tag</translation>
    </message>
    <message>
        <source>Filter by earliest date</source>
        <translation>Nach frühestem Datum filtern</translation>
    </message>
    <message>
        <source>Recorded on or before</source>
        <translation>Aufgezeichnet an oder vor diesem Tag</translation>
    </message>
    <message>
        <source>Filter by latest date</source>
        <translation>Nach spätestem Datum filtern</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Name, phone or e-mail</source>
        <translation>Name, Telefon oder E-Mail</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Exact tag</source>
        <translation>Exaktes Schlagwort</translation>
    </message>
    <message>
        <source>Has an audio track</source>
        <translation>Hat eine Audiospur</translation>
    </message>
    <message>
        <source>Has a video track</source>
        <translation>Hat eine Videospur</translation>
    </message>
    <message>
        <source>Has a screen-share track</source>
        <translation>Hat eine Spur mit Bildschirmfreigabe</translation>
    </message>
    <message>
        <source>Call direction</source>
        <translation>Gesprächsrichtung</translation>
    </message>
    <message>
        <source>Any direction</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Verification state</source>
        <translation>Verifizierungsstatus</translation>
    </message>
    <message>
        <source>Verified and quarantined</source>
        <translation>Verifiziert und in Quarantäne</translation>
    </message>
    <message>
        <source>Verified only</source>
        <translation>Nur verifizierte</translation>
    </message>
    <message>
        <source>Quarantined only</source>
        <translation>Nur in Quarantäne</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Participant and tag</source>
        <translation>Teilnehmer und Schlagwort</translation>
    </message>
    <message>
        <source>Tracks present</source>
        <translation>Vorhandene Spuren</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gespräch</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::InspectorView</name>
    <message>
        <source>Manifest JSON</source>
        <translation>Manifest-JSON</translation>
    </message>
    <message>
        <source>Transcript JSON</source>
        <translation>Transkript-JSON</translation>
    </message>
    <message>
        <source>Verification and audit events</source>
        <translation>Verifizierungs- und Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Verification and audit</source>
        <translation>Verifizierung und Audit</translation>
    </message>
    <message>
        <source>Install kate-syntax-highlighter (Debian package libkf5syntaxhighlighting-tools) for coloured JSON.</source>
        <translation>Installieren Sie kate-syntax-highlighter (Debian-Paket libkf5syntaxhighlighting-tools), um JSON farbig hervorzuheben.</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Aufzeichnung %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::LibraryView</name>
    <message>
        <source>Recordings</source>
        <translation>Aufzeichnungen</translation>
    </message>
    <message>
        <source>Recording details</source>
        <translation>Details der Aufzeichnung</translation>
    </message>
    <message>
        <source>Select a recording to see its participants, tracks and verification.</source>
        <translation>Wählen Sie eine Aufzeichnung aus, um ihre Teilnehmer, Spuren und Verifizierung zu sehen.</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Aufzeichnung %1</translation>
    </message>
    <message>
        <source>Verification: every file matches its SHA-256 and the capture signature is valid.</source>
        <translation>Verifizierung: Jede Datei stimmt mit ihrem SHA-256 überein und die Erfassungssignatur ist gültig.</translation>
    </message>
    <message>
        <source>Search transcripts, participants, tags and notes (Ctrl+F); &quot;quoted phrase&quot;, prefix*</source>
        <translation>Transkripte, Teilnehmer, Schlagwörter und Notizen durchsuchen (Strg+F); &quot;Phrase in Anführungszeichen&quot;, Präfix*</translation>
    </message>
    <message>
        <source>Search recordings</source>
        <translation>Aufzeichnungen durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Cannot search for this: %1</source>
        <translation>Danach kann nicht gesucht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The first %n matches, best first. Double-click or press Enter to play from the match.</source>
        <translation>
            <numerusform>Die ersten %n Treffer, die besten zuerst. Doppelklick oder Eingabetaste startet die Wiedergabe an der Fundstelle.</numerusform>
            <numerusform>Die ersten %n Treffer, die besten zuerst. Doppelklick oder Eingabetaste startet die Wiedergabe an der Fundstelle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first. Double-click or press Enter to play from the match.</source>
        <translation>
            <numerusform>%n Treffer. Doppelklick oder Eingabetaste startet die Wiedergabe an der Fundstelle.</numerusform>
            <numerusform>%n Treffer, die besten zuerst. Doppelklick oder Eingabetaste startet die Wiedergabe an der Fundstelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the recordings: %1</source>
        <translation>Die Aufzeichnungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 recording(s) in the cache</source>
        <translation>Aufzeichnungen im Cache: %1</translation>
    </message>
    <message>
        <source>%1 recording(s) match the filters</source>
        <translation>Aufzeichnungen, die den Filtern entsprechen: %1</translation>
    </message>
    <message>
        <source>%1, started %2 UTC, %3 s</source>
        <translation>%1, Beginn %2 UTC, %3 s</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Teilnehmer: %1</translation>
    </message>
    <message>
        <source>Tracks: %1</source>
        <translation>Spuren: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <translation>Legal Hold: %1</translation>
    </message>
    <message>
        <source>QUARANTINED — never shown as valid: %1</source>
        <translation>IN QUARANTÄNE — wird nie als gültig angezeigt: %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::MainWindow</name>
    <message>
        <source>Holdfast</source>
        <translation>Holdfast</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Holdfast</source>
        <translation>Über &amp;Holdfast</translation>
    </message>
    <message>
        <source>%1 — Holdfast</source>
        <translation>%1 — Holdfast</translation>
    </message>
    <message>
        <source>About Holdfast</source>
        <translation>Über Holdfast</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Nach %n Minute ohne Aktivität gesperrt.</numerusform>
            <numerusform>Nach %n Minuten ohne Aktivität gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Lock the cache: wipe the keys and show only the unlock page</source>
        <translation>Cache sperren: die Schlüssel aus dem Speicher löschen und nur die Entsperrseite anzeigen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Search Recordings</source>
        <translation>Aufzeichnungen &amp;durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothek</translation>
    </message>
    <message>
        <source>&amp;Inspect Recording</source>
        <translation>Aufzeichnung &amp;inspizieren</translation>
    </message>
    <message>
        <source>&amp;Vaults and Sync</source>
        <translation>&amp;Tresore und Synchronisierung</translation>
    </message>
    <message>
        <source>V&amp;ault</source>
        <translation>&amp;Tresor</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Add Vault Account…</source>
        <translation>Tresorkonto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <source>Locked — Holdfast</source>
        <translation>Gesperrt — Holdfast</translation>
    </message>
    <message>
        <source> — AUDITOR MODE (read-only)</source>
        <translation> — PRÜFERMODUS (schreibgeschützt)</translation>
    </message>
    <message>
        <source>AUDITOR MODE — this cache is open read-only: nothing can be changed, and nothing is written.</source>
        <translation>PRÜFERMODUS — dieser Cache ist schreibgeschützt geöffnet: Nichts kann geändert und nichts geschrieben werden.</translation>
    </message>
    <message>
        <source>Auditor mode</source>
        <translation>Prüfermodus</translation>
    </message>
    <message>
        <source>Vaults and &amp;Sync</source>
        <translation>Tresore und &amp;Synchronisierung</translation>
    </message>
    <message>
        <source>Opening recording %1 at %2</source>
        <translation>Aufzeichnung %1 wird bei %2 geöffnet</translation>
    </message>
    <message>
        <source>Locked. Enter the passphrase to continue.</source>
        <translation>Gesperrt. Geben Sie die Passphrase ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Enter / double-click</source>
        <translation>Eingabetaste / Doppelklick</translation>
    </message>
    <message>
        <source>Open the selected recording or search hit in the player</source>
        <translation>Die ausgewählte Aufzeichnung oder den Suchtreffer im Player öffnen</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+Buchstabe</translation>
    </message>
    <message>
        <source>Go to the control whose label has that letter underlined</source>
        <translation>Zum Bedienelement springen, in dessen Beschriftung dieser Buchstabe unterstrichen ist</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Compliance review workstation for recorded calls.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;GStreamer&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLCipher&lt;/td&gt;&lt;td&gt;%4 (SQLite %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Arbeitsplatz für die Compliance-Prüfung aufgezeichneter Gespräche.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;GStreamer&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLCipher&lt;/td&gt;&lt;td&gt;%4 (SQLite %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::PassphraseStrength</name>
    <message>
        <source>empty</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>sehr stark</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::PlayerView</name>
    <message>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <source>Cannot open recording %1: %2</source>
        <translation>Aufzeichnung %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Screen share</source>
        <translation>Bildschirmfreigabe</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Stumm: %1</translation>
    </message>
    <message>
        <source>mixed audio</source>
        <translation>gemischte Audiospur</translation>
    </message>
    <message>
        <source>media not downloaded</source>
        <translation>Medien nicht heruntergeladen</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>computing waveform…</source>
        <translation>Wellenform wird berechnet…</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Wiedergabe / Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Previous speaker turn (P)</source>
        <translation>Vorheriger Redebeitrag (P)</translation>
    </message>
    <message>
        <source>Next speaker turn (N)</source>
        <translation>Nächster Redebeitrag (N)</translation>
    </message>
    <message>
        <source>Volume (Up / Down)</source>
        <translation>Lautstärke (Pfeil nach oben / unten)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Add bookmark…</source>
        <translation>Lesezeichen hinzufügen…</translation>
    </message>
    <message>
        <source>Read-only workspace: bookmarks cannot be added</source>
        <translation>Schreibgeschützter Arbeitsbereich: Lesezeichen können nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>Stop shuttle and pause</source>
        <translation>Suchlauf beenden und anhalten</translation>
    </message>
    <message>
        <source>Play forward, faster on each press (up to 2×)</source>
        <translation>Vorwärts abspielen, mit jedem Drücken schneller (bis 2×)</translation>
    </message>
    <message>
        <source>Rewind, faster on each press</source>
        <translation>Zurückspulen, mit jedem Drücken schneller</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5 Sekunden zurück</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5 Sekunden vor</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Previous speaker turn</source>
        <translation>Vorheriger Redebeitrag</translation>
    </message>
    <message>
        <source>Next speaker turn</source>
        <translation>Nächster Redebeitrag</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Lauter</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Leiser</translation>
    </message>
    <message>
        <source>Bookmark the playhead (with a note)</source>
        <translation>Lesezeichen an der Abspielposition setzen (mit Notiz)</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>Im Transkript suchen</translation>
    </message>
    <message>
        <source>Zoom the timeline in</source>
        <translation>Zeitleiste vergrößern</translation>
    </message>
    <message>
        <source>Zoom the timeline out</source>
        <translation>Zeitleiste verkleinern</translation>
    </message>
    <message>
        <source>no waveform: %1</source>
        <translation>keine Wellenform: %1</translation>
    </message>
    <message>
        <source>Rewind %1×</source>
        <translation>Rücklauf %1×</translation>
    </message>
    <message>
        <source>Bookmark not added: %1</source>
        <translation>Lesezeichen nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Bookmark added at %1</source>
        <translation>Lesezeichen bei %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Add bookmark</source>
        <translation>Lesezeichen hinzufügen</translation>
    </message>
    <message>
        <source>Note for %1 (optional):</source>
        <translation>Notiz zu %1 (optional):</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>cannot play: %1</source>
        <translation>Wiedergabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>noch nicht begonnen</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Download of track %1 failed: %2</source>
        <translation>Herunterladen der Spur %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Track %1 downloaded</source>
        <translation>Spur %1 heruntergeladen</translation>
    </message>
    <message>
        <source>Playback speed (the pitch stays the same)</source>
        <translation>Wiedergabegeschwindigkeit (die Tonhöhe bleibt gleich)</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Speed %1</source>
        <translation>Geschwindigkeit %1</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>Solo</translation>
    </message>
    <message>
        <source>Hear only this track</source>
        <translation>Nur diese Spur hören</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>Solo %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::RecordingListModel</name>
    <message>
        <source>Hashes and capture signature verified</source>
        <translation>Hashes und Erfassungssignatur verifiziert</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Quarantined: %1</source>
        <translation>In Quarantäne: %1</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>In Quarantäne</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>Zum Sortieren klicken</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SearchResultsModel</name>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Minuten ohne Aktivität bis zur Sperre</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>Bei &amp;Inaktivität sperren nach:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>A new language takes effect when Holdfast starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Holdfast wirksam.</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SyncPanel</name>
    <message>
        <source>all media</source>
        <translation>alle Medien</translation>
    </message>
    <message>
        <source>media on demand</source>
        <translation>Medien bei Bedarf</translation>
    </message>
    <message>
        <source>metadata only</source>
        <translation>nur Metadaten</translation>
    </message>
    <message>
        <source>Listing the vault</source>
        <translation>Tresorinhalt wird aufgelistet</translation>
    </message>
    <message>
        <source>Verifying manifests and transcripts</source>
        <translation>Manifeste und Transkripte werden verifiziert</translation>
    </message>
    <message>
        <source>Downloading media</source>
        <translation>Medien werden heruntergeladen</translation>
    </message>
    <message>
        <source>Evicting what left the scope</source>
        <translation>Nicht mehr Erfasstes wird aus dem Cache entfernt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>In Quarantäne</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Media stored</source>
        <translation>Medien gespeichert</translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation>Aus dem Cache entfernt</translation>
    </message>
    <message>
        <source>Kept (on hold)</source>
        <translation>Behalten (Legal Hold)</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Konto hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Vault accounts</source>
        <translation>Tresorkonten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>Add a vault account</source>
        <translation>Tresorkonto hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected vault account</source>
        <translation>Ausgewähltes Tresorkonto entfernen</translation>
    </message>
    <message>
        <source>Test the connection to the selected vault</source>
        <translation>Verbindung zum ausgewählten Tresor testen</translation>
    </message>
    <message>
        <source>Sync the selected vault now</source>
        <translation>Ausgewählten Tresor jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Cancel the running sync</source>
        <translation>Laufende Synchronisierung abbrechen</translation>
    </message>
    <message>
        <source>Retry the last sync</source>
        <translation>Letzte Synchronisierung wiederholen</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisierung</translation>
    </message>
    <message>
        <source>Outcome of the last sync</source>
        <translation>Ergebnis der letzten Synchronisierung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Vault path</source>
        <translation>Pfad im Tresor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Quarantined recordings</source>
        <translation>Aufzeichnungen in Quarantäne</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Quarantine: packages that failed verification</source>
        <translation>Quarantäne: Pakete, deren Verifizierung fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>Could not read the vault accounts: %1</source>
        <translation>Die Tresorkonten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (credentials stored in the cache)</source>
        <translation>%1 (Zugangsdaten im Cache gespeichert)</translation>
    </message>
    <message>
        <source>No vault account yet. Add one to sync recordings into this cache.</source>
        <translation>Noch kein Tresorkonto. Fügen Sie eines hinzu, um Aufzeichnungen in diesen Cache zu synchronisieren.</translation>
    </message>
    <message>
        <source>Could not save the account: %1</source>
        <translation>Das Konto konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; saved in the encrypted cache.</source>
        <translation>Konto „%1“ im verschlüsselten Cache gespeichert.</translation>
    </message>
    <message>
        <source>Remove Vault Account</source>
        <translation>Tresorkonto entfernen</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and its stored credentials? Recordings already in the cache stay.</source>
        <translation>Das Konto „%1“ und seine gespeicherten Zugangsdaten entfernen? Bereits im Cache liegende Aufzeichnungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Could not remove the account: %1</source>
        <translation>Das Konto konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cancelling… what was committed stays; the next sync continues.</source>
        <translation>Wird abgebrochen… Bereits Gespeichertes bleibt erhalten; die nächste Synchronisierung macht dort weiter.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; answered: the connection works.</source>
        <translation>„%1“ hat geantwortet: Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not answer: %2</source>
        <translation>„%1“ hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Starting the sync of &quot;%1&quot;…</source>
        <translation>Synchronisierung von „%1“ wird gestartet…</translation>
    </message>
    <message>
        <source>Asking &quot;%1&quot; for a listing…</source>
        <translation>Inhaltsverzeichnis von „%1“ wird abgefragt…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v von %m Dateien</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) done</source>
        <translation>
            <numerusform>%n Datei verarbeitet</numerusform>
            <numerusform>%n Dateien verarbeitet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>%1 package(s): %2 new, %3 updated, %4 unchanged, %5 quarantined, %6 failed; %7 media file(s) stored (%8); %9 evicted. Took %10.</source>
        <translation>Pakete: %1 (neu: %2, aktualisiert: %3, unverändert: %4, in Quarantäne: %5, fehlgeschlagen: %6); Mediendateien gespeichert: %7 (%8); aus dem Cache entfernt: %9. Dauer: %10.</translation>
    </message>
    <message>
        <source>Cancelled; what was committed stays and the next sync continues. </source>
        <translation>Abgebrochen; bereits Gespeichertes bleibt erhalten, und die nächste Synchronisierung macht dort weiter. </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Sync aut&amp;omatically:</source>
        <translation>A&amp;utomatisch synchronisieren:</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>Automatische Synchronisierung</translation>
    </message>
    <message>
        <source>How often the selected account syncs by itself</source>
        <translation>Wie oft das ausgewählte Konto von selbst synchronisiert</translation>
    </message>
    <message>
        <source>Could not read when &quot;%1&quot; was last synced; its automatic sync counts from now: %2</source>
        <translation>Der Zeitpunkt der letzten Synchronisierung von „%1“ konnte nicht gelesen werden; die automatische Synchronisierung zählt ab jetzt: %2</translation>
    </message>
    <message>
        <source>Could not change the automatic sync: %1</source>
        <translation>Die automatische Synchronisierung konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot;: %2.</source>
        <translation>Automatische Synchronisierung von „%1“: %2.</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot;: %2</source>
        <translation>Automatische Synchronisierung von „%1“: %2</translation>
    </message>
    <message>
        <source>Starting the automatic sync of &quot;%1&quot;…</source>
        <translation>Automatische Synchronisierung von „%1“ wird gestartet…</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot; failed: %2</source>
        <translation>Automatische Synchronisierung von „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Automatic sync is unavailable in auditor mode: the cache is open read-only.</source>
        <translation>Automatische Synchronisierung ist im Prüfermodus nicht verfügbar: Der Cache ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>The next automatic sync of &quot;%1&quot; counts from the end of this one.</source>
        <translation>Die nächste automatische Synchronisierung von „%1“ zählt ab dem Ende dieser.</translation>
    </message>
    <message>
        <source>Automatic sync is off.</source>
        <translation>Automatische Synchronisierung ist aus.</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot; is due: it starts when the running job ends.</source>
        <translation>Automatische Synchronisierung von „%1“ ist fällig: Sie beginnt, wenn der laufende Auftrag endet.</translation>
    </message>
    <message>
        <source>Next automatic sync: %1 (&quot;%2&quot;)</source>
        <translation>Nächste automatische Synchronisierung: %1 („%2“)</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SyncScheduler</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Alle 15 Minuten</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Every 4 hours</source>
        <translation>Alle 4 Stunden</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Alle %n Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::TimelineWidget</name>
    <message>
        <source>Call timeline</source>
        <translation>Gesprächszeitleiste</translation>
    </message>
    <message>
        <source>Click or drag to seek; Ctrl+wheel zooms</source>
        <translation>Klicken oder ziehen, um zu springen; Strg+Mausrad zoomt</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>Wellenform</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::TrackPlayback</name>
    <message>
        <source>Track %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>media not downloaded</source>
        <translation>Medien nicht heruntergeladen</translation>
    </message>
    <message>
        <source>cannot play: %1</source>
        <translation>Wiedergabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>noch nicht begonnen</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download track %1</source>
        <translation>Spur %1 herunterladen</translation>
    </message>
    <message>
        <source>Download progress of track %1</source>
        <translation>Fortschritt beim Herunterladen der Spur %1</translation>
    </message>
    <message>
        <source>media not downloaded (read-only workspace)</source>
        <translation>Medien nicht heruntergeladen (schreibgeschützter Arbeitsbereich)</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>wird heruntergeladen…</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::TranscriptPanel</name>
    <message>
        <source>Follow playback</source>
        <translation>Wiedergabe folgen</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Find in transcript (Ctrl+F, Enter for next)</source>
        <translation>Suchen (Strg+F, Enter: weiter)</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>Im Transkript suchen</translation>
    </message>
    <message>
        <source>Scroll the transcript with playback again</source>
        <translation>Transkript wieder mit der Wiedergabe mitlaufen lassen</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::UnlockPage</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Cache directory</source>
        <translation>Cache-Verzeichnis</translation>
    </message>
    <message>
        <source>Choose the cache directory</source>
        <translation>Cache-Verzeichnis auswählen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Compliance officer</source>
        <translation>Compliance-Beauftragte(r)</translation>
    </message>
    <message>
        <source>Legal team</source>
        <translation>Rechtsabteilung</translation>
    </message>
    <message>
        <source>Auditor (read-only)</source>
        <translation>Prüfer (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Deriving the key</source>
        <translation>Schlüssel wird abgeleitet</translation>
    </message>
    <message>
        <source>&amp;Cache:</source>
        <translation>&amp;Cache:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>R&amp;olle:</translation>
    </message>
    <message>
        <source>Create an encrypted cache</source>
        <translation>Verschlüsselten Cache erstellen</translation>
    </message>
    <message>
        <source>Unlock the cache</source>
        <translation>Cache entsperren</translation>
    </message>
    <message>
        <source>Recordings are kept in an encrypted cache on this computer. Choose where it lives and a passphrase. The passphrase cannot be recovered: without it the cache cannot be read.</source>
        <translation>Aufzeichnungen werden in einem verschlüsselten Cache auf diesem Computer abgelegt. Wählen Sie seinen Speicherort und eine Passphrase. Die Passphrase kann nicht wiederhergestellt werden: Ohne sie ist der Cache nicht lesbar.</translation>
    </message>
    <message>
        <source>Enter the passphrase of this cache. Nothing is readable until it is unlocked.</source>
        <translation>Geben Sie die Passphrase dieses Caches ein. Bis zum Entsperren ist nichts lesbar.</translation>
    </message>
    <message>
        <source>&amp;Create Cache</source>
        <translation>Cache &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Create the cache</source>
        <translation>Cache erstellen</translation>
    </message>
    <message>
        <source>There is no cache at %1, and a read-only session cannot create one.</source>
        <translation>Unter %1 gibt es keinen Cache, und eine schreibgeschützte Sitzung kann keinen erstellen.</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Stärke: %1</translation>
    </message>
    <message>
        <source>Use a longer passphrase, e.g. four or more unrelated words.</source>
        <translation>Verwenden Sie eine längere Passphrase, z. B. vier oder mehr voneinander unabhängige Wörter.</translation>
    </message>
    <message>
        <source>Creating the cache…</source>
        <translation>Cache wird erstellt…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Falsche Passphrase. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not open the cache: %1</source>
        <translation>Der Cache konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::VaultAccountDialog</name>
    <message>
        <source>Add Vault Account</source>
        <translation>Tresorkonto hinzufügen</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>e.g. Team A recordings</source>
        <translation>z. B. Aufzeichnungen Team A</translation>
    </message>
    <message>
        <source>Vault kind</source>
        <translation>Tresortyp</translation>
    </message>
    <message>
        <source>Folder vault</source>
        <translation>Ordner-Tresor</translation>
    </message>
    <message>
        <source>Azure Blob: connection string</source>
        <translation>Azure Blob: Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>Azure Blob: SAS URL</source>
        <translation>Azure Blob: SAS-URL</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Tresorordner</translation>
    </message>
    <message>
        <source>Container and prefix</source>
        <translation>Container und Präfix</translation>
    </message>
    <message>
        <source>container[/prefix]</source>
        <translation>Container[/Präfix]</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net</source>
        <translation>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net</translation>
    </message>
    <message>
        <source>SAS URL</source>
        <translation>SAS-URL</translation>
    </message>
    <message>
        <source>https://account.blob.core.windows.net/container?sv=…&amp;sig=…</source>
        <translation>https://account.blob.core.windows.net/container?sv=…&amp;sig=…</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate file</source>
        <translation>Datei mit einem zusätzlichen vertrauenswürdigen CA-Zertifikat</translation>
    </message>
    <message>
        <source>Optional: one more trusted CA (PEM)</source>
        <translation>Optional: eine weitere vertrauenswürdige CA (PEM)</translation>
    </message>
    <message>
        <source>Media policy</source>
        <translation>Medienrichtlinie</translation>
    </message>
    <message>
        <source>Download all media</source>
        <translation>Alle Medien herunterladen</translation>
    </message>
    <message>
        <source>Media on demand (when played)</source>
        <translation>Medien bei Bedarf (beim Abspielen)</translation>
    </message>
    <message>
        <source>Metadata only</source>
        <translation>Nur Metadaten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Tresorordner auswählen</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Verbindungszeichenfolge:</translation>
    </message>
    <message>
        <source>SAS URL:</source>
        <translation>SAS-URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Media:</source>
        <translation>&amp;Medien:</translation>
    </message>
    <message>
        <source>Credentials are stored only inside the encrypted cache.</source>
        <translation>Zugangsdaten werden ausschließlich im verschlüsselten Cache gespeichert.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>Choose an existing vault folder.</source>
        <translation>Wählen Sie einen vorhandenen Tresorordner.</translation>
    </message>
    <message>
        <source>Choose the kind of vault.</source>
        <translation>Wählen Sie den Tresortyp.</translation>
    </message>
    <message>
        <source>%1: no such CA file</source>
        <translation>%1: CA-Datei nicht gefunden</translation>
    </message>
    <message>
        <source>A SAS URL starts with https:// and names the storage account&apos;s blob endpoint.</source>
        <translation>Eine SAS-URL beginnt mit https:// und nennt den Blob-Endpunkt des Speicherkontos.</translation>
    </message>
    <message>
        <source>The SAS URL has no signature (sig=…): copy the whole URL.</source>
        <translation>Die SAS-URL enthält keine Signatur (sig=…): Kopieren Sie die vollständige URL.</translation>
    </message>
    <message>
        <source>The SAS URL does not name the storage account.</source>
        <translation>Die SAS-URL nennt kein Speicherkonto.</translation>
    </message>
    <message>
        <source>The SAS URL does not name a container.</source>
        <translation>Die SAS-URL nennt keinen Container.</translation>
    </message>
    <message>
        <source>How often the account syncs by itself</source>
        <translation>Wie oft das Konto von selbst synchronisiert</translation>
    </message>
    <message>
        <source>Sync aut&amp;omatically:</source>
        <translation>A&amp;utomatisch synchronisieren:</translation>
    </message>
</context>
<context>
    <name>holdfast::media::CallPlayback</name>
    <message>
        <source>the media did not load within %1 s</source>
        <translation>die Medien wurden nicht innerhalb von %1 s geladen</translation>
    </message>
</context>
<context>
    <name>holdfast::sync::SyncText</name>
    <message>
        <source>%1: size mismatch (expected %2 bytes, got %3)</source>
        <translation>%1: Größe stimmt nicht (erwartet %2 Bytes, erhalten %3)</translation>
    </message>
    <message>
        <source>%1 (the vault&apos;s copy; the verified copy in the cache is kept)</source>
        <translation>%1 (die Kopie im Tresor; die verifizierte Kopie im Cache bleibt erhalten)</translation>
    </message>
    <message>
        <source>%1: too large (%2 bytes, at most %3 allowed)</source>
        <translation>%1: zu groß (%2 Bytes, höchstens %3 erlaubt)</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <source>outside the sync scope</source>
        <translation>außerhalb des Synchronisierungsbereichs</translation>
    </message>
    <message>
        <source>no longer in the vault</source>
        <translation>nicht mehr im Tresor</translation>
    </message>
    <message>
        <source>recording %1: %2, kept because it is on hold</source>
        <translation>Aufzeichnung %1: %2, behalten wegen Legal Hold</translation>
    </message>
    <message>
        <source>recording %1: cannot evict: %2</source>
        <translation>Aufzeichnung %1: kann nicht aus dem Cache entfernt werden: %2</translation>
    </message>
    <message>
        <source>recording %1 was not synced from %2</source>
        <translation>Aufzeichnung %1 wurde nicht aus %2 synchronisiert</translation>
    </message>
    <message>
        <source>recording %1 has no file %2</source>
        <translation>Aufzeichnung %1 hat keine Datei %2</translation>
    </message>
    <message>
        <source>recording %1: fetching %2 was cancelled</source>
        <translation>Aufzeichnung %1: Laden von %2 wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compliance review workstation for recorded calls.</source>
        <translation>Arbeitsplatz für die Compliance-Prüfung aufgezeichneter Gespräche.</translation>
    </message>
    <message>
        <source>Open (or create) the encrypted cache in &lt;dir&gt; instead of the last one.</source>
        <translation>Den verschlüsselten Cache in &lt;dir&gt; statt des zuletzt verwendeten öffnen (oder erstellen).</translation>
    </message>
    <message>
        <source>Auditor mode: open the cache read-only; nothing can be changed.</source>
        <translation>Prüfermodus: den Cache schreibgeschützt öffnen; nichts kann geändert werden.</translation>
    </message>
    <message>
        <source>After unlocking, open the recording with this id in the player.</source>
        <translation>Nach dem Entsperren die Aufzeichnung mit dieser ID im Player öffnen.</translation>
    </message>
    <message>
        <source>With --open: start playing at this time.</source>
        <translation>Mit --open: die Wiedergabe an dieser Zeitposition beginnen.</translation>
    </message>
    <message>
        <source>--at needs --open</source>
        <translation>--at erfordert --open</translation>
    </message>
    <message>
        <source>--open: &quot;%1&quot; is not a recording id</source>
        <translation>--open: „%1“ ist keine Aufzeichnungs-ID</translation>
    </message>
    <message>
        <source>--at: &quot;%1&quot; is not a number of seconds</source>
        <translation>--at: „%1“ ist keine Anzahl von Sekunden</translation>
    </message>
</context>
</TS>
