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
        <source>recording %1: %2</source>
        <translation>Aufzeichnung %1: %2</translation>
    </message>
    <message>
        <source> (the verified copy already in the cache is kept)</source>
        <translation> (die bereits im Cache liegende verifizierte Kopie bleibt erhalten)</translation>
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
        <source>recording %1 is quarantined: %2</source>
        <translation>Aufzeichnung %1 ist in Quarantäne: %2</translation>
    </message>
    <message>
        <source>recording %1 has no track %2</source>
        <translation>Aufzeichnung %1 hat keine Spur %2</translation>
    </message>
    <message>
        <source>the media of track %1 of recording %2 is not in the cache yet</source>
        <translation>die Medien der Spur %1 der Aufzeichnung %2 sind noch nicht im Cache</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::LibraryView</name>
    <message>
        <source>Filter by title, participant or source (Ctrl+F)</source>
        <translation>Nach Titel, Teilnehmer oder Quelle filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter recordings</source>
        <translation>Aufzeichnungen filtern</translation>
    </message>
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
        <source>Captured by %1, %2 to %3 UTC</source>
        <translation>Erfasst von %1, %2 bis %3 UTC</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Teilnehmer:</translation>
    </message>
    <message>
        <source>Tracks:</source>
        <translation>Spuren:</translation>
    </message>
    <message>
        <source>  %1 %2 of %3, starts at %4 s, %5 s long (%6, %7)</source>
        <translation>  %1 %2 von %3, beginnt bei %4 s, %5 s lang (%6, %7)</translation>
    </message>
    <message>
        <source>Verification: every file matches its SHA-256 and the capture signature is valid.</source>
        <translation>Verifizierung: Jede Datei stimmt mit ihrem SHA-256 überein und die Erfassungssignatur ist gültig.</translation>
    </message>
    <message>
        <source>Verification FAILED:</source>
        <translation>Verifizierung FEHLGESCHLAGEN:</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Holdfast</source>
        <translation>Holdfast</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>Fortschritt der Verifizierung</translation>
    </message>
    <message>
        <source>Verifying %v of %m</source>
        <translation>Verifizierung: %v von %m</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Verifizierung abbrechen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Vault…</source>
        <translation>Tresor ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Reload and Verify</source>
        <translation>&amp;Neu laden und verifizieren</translation>
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
        <source>&amp;Filter Recordings</source>
        <translation>Aufzeichnungen &amp;filtern</translation>
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
        <source>Could not open the vault: %1</source>
        <translation>Der Tresor konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Verifying the recordings of %1…</source>
        <translation>Die Aufzeichnungen in %1 werden verifiziert…</translation>
    </message>
    <message>
        <source>Open Vault</source>
        <translation>Tresor öffnen</translation>
    </message>
    <message>
        <source>No vault open. Use File › Open Vault… (Ctrl+O) to choose one.</source>
        <translation>Kein Tresor geöffnet. Wählen Sie einen mit Datei › Tresor öffnen… (Strg+O).</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s), all verified</source>
        <translation>
            <numerusform>%n Aufzeichnung, verifiziert</numerusform>
            <numerusform>%n Aufzeichnungen, alle verifiziert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s): %1 verified, %2 FAILED verification</source>
        <translation>
            <numerusform>%n Aufzeichnung: %1 verifiziert, %2 mit FEHLGESCHLAGENER Verifizierung</numerusform>
            <numerusform>%n Aufzeichnungen: %1 verifiziert, %2 mit FEHLGESCHLAGENER Verifizierung</numerusform>
        </translation>
    </message>
    <message>
        <source>About Holdfast</source>
        <translation>Über Holdfast</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Compliance review workstation for recorded calls.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Arbeitsplatz für die Compliance-Prüfung aufgezeichneter Gespräche.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::RecordingListModel</name>
    <message numerus="yes">
        <source>%n audio</source>
        <translation>
            <numerusform>%n Audiospur</numerusform>
            <numerusform>%n Audiospuren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video</source>
        <translation>
            <numerusform>%n Videospur</numerusform>
            <numerusform>%n Videospuren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n screen</source>
        <translation>
            <numerusform>%n Bildschirmfreigabe</numerusform>
            <numerusform>%n Bildschirmfreigaben</numerusform>
        </translation>
    </message>
    <message>
        <source>Hashes and capture signature verified</source>
        <translation>Hashes und Erfassungssignatur verifiziert</translation>
    </message>
    <message>
        <source>Verification failed:
%1</source>
        <translation>Verifizierung fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unreadable package: %1</source>
        <translation>Unlesbares Paket: %1</translation>
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
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compliance review workstation for recorded calls.</source>
        <translation>Arbeitsplatz für die Compliance-Prüfung aufgezeichneter Gespräche.</translation>
    </message>
    <message>
        <source>Open the folder vault in &lt;dir&gt;.</source>
        <translation>Den Ordner-Tresor in &lt;dir&gt; öffnen.</translation>
    </message>
</context>
</TS>
