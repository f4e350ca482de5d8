<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccessPolicy</name>
    <message>
        <source>no role: %1 is not allowed</source>
        <translation>роль не задана: действие %1 не разрешено</translation>
    </message>
    <message>
        <source>read-only (%1): %2 is not allowed</source>
        <translation>только чтение (%1): действие %2 не разрешено</translation>
    </message>
</context>
<context>
    <name>VaultCatalog</name>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
</context>
<context>
    <name>holdfast::Workspace</name>
    <message>
        <source>cache damaged: %1: the blob directory is missing</source>
        <translation>кэш повреждён: %1: отсутствует каталог блобов</translation>
    </message>
    <message>
        <source>%1: cannot lock the blob directory</source>
        <translation>%1: не удаётся заблокировать каталог блобов</translation>
    </message>
    <message>
        <source>cache directory is not empty: %1</source>
        <translation>каталог кэша не пуст: %1</translation>
    </message>
    <message>
        <source>cannot create the cache directory %1</source>
        <translation>не удаётся создать каталог кэша %1</translation>
    </message>
    <message>
        <source>cannot restrict the permissions of %1</source>
        <translation>не удаётся ограничить права доступа к %1</translation>
    </message>
    <message>
        <source>no cache at %1</source>
        <translation>в %1 нет кэша</translation>
    </message>
    <message>
        <source>cache damaged: %1: the key file is missing</source>
        <translation>кэш повреждён: %1: отсутствует файл ключей</translation>
    </message>
    <message>
        <source>cache damaged: %1: the database is missing</source>
        <translation>кэш повреждён: %1: отсутствует база данных</translation>
    </message>
    <message>
        <source>no role given (officer, legal or auditor)</source>
        <translation>роль не указана (officer, legal или auditor)</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>импорт</translation>
    </message>
    <message>
        <source>import cancelled after %1 of %2 packages (each imported package is complete)</source>
        <translation>импорт отменён после %1 из %2 пакетов (каждый импортированный пакет записан полностью)</translation>
    </message>
    <message>
        <source>%1: changed while it was being imported</source>
        <translation>%1: изменён во время импорта</translation>
    </message>
    <message>
        <source>transcript.json: %1</source>
        <translation>transcript.json: %1</translation>
    </message>
    <message>
        <source>recording %1 has no track %2</source>
        <translation>в записи %1 нет дорожки %2</translation>
    </message>
    <message>
        <source>the media of track %1 of recording %2 is not in the cache yet</source>
        <translation>медиаданные дорожки %1 записи %2 ещё не загружены в кэш</translation>
    </message>
    <message>
        <source>cannot open the cache directory %1</source>
        <translation>не удаётся открыть каталог кэша %1</translation>
    </message>
    <message>
        <source>another sync is already running on the cache %1</source>
        <translation>для кэша %1 уже выполняется другая синхронизация</translation>
    </message>
    <message>
        <source>track %1 of recording %2 is not an audio track</source>
        <translation>дорожка %1 записи %2 не является аудиодорожкой</translation>
    </message>
    <message>
        <source>no audio of recording %1 is in the cache yet</source>
        <translation>аудио записи %1 ещё не загружено в кэш</translation>
    </message>
    <message>
        <source>recording %1 was imported, not synced from a vault: there is nowhere to download its media from</source>
        <translation>запись %1 была импортирована, а не синхронизирована из хранилища: её медиафайлы неоткуда загрузить</translation>
    </message>
    <message>
        <source>recording %1 came from %2, which is not a saved vault account: add the account to download its media</source>
        <translation>запись %1 получена из %2, но это не сохранённая учётная запись хранилища: добавьте учётную запись, чтобы загрузить её медиафайлы</translation>
    </message>
    <message>
        <source>vault account &quot;%1&quot;: %2</source>
        <translation>учётная запись хранилища «%1»: %2</translation>
    </message>
</context>
<context>
    <name>holdfast::capture::VerificationText</name>
    <message>
        <source>wrong length (%1 bytes, an Ed25519 signature has %2)</source>
        <translation>неверная длина (%1 байт, у подписи Ed25519 их %2)</translation>
    </message>
    <message>
        <source>signed by an invalid capture node id &quot;%1&quot;</source>
        <translation>подписано недопустимым идентификатором узла записи «%1»</translation>
    </message>
    <message>
        <source>signed by capture node %1 whose key is not trusted (no keys/%1.pem)</source>
        <translation>подписано узлом записи %1, ключ которого не является доверенным (нет keys/%1.pem)</translation>
    </message>
    <message>
        <source>trusted key of capture node %1 is unusable: %2</source>
        <translation>доверенный ключ узла записи %1 непригоден: %2</translation>
    </message>
    <message>
        <source>invalid signature: manifest.json was not signed by capture node %1 (keys/%1.pem) or was changed</source>
        <translation>недействительная подпись: manifest.json не подписан узлом записи %1 (keys/%1.pem) или был изменён</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>отсутствует</translation>
    </message>
    <message>
        <source>dangling symbolic link</source>
        <translation>символьная ссылка в никуда</translation>
    </message>
    <message>
        <source>symbolic link pointing outside the package (to %1)</source>
        <translation>символьная ссылка указывает за пределы пакета (на %1)</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>это каталог, а не файл</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>не обычный файл</translation>
    </message>
    <message>
        <source>too large (%1 bytes, at most %2 allowed)</source>
        <translation>слишком большой (%1 байт, допускается не более %2)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>too large (more than %1 bytes)</source>
        <translation>слишком большой (более %1 байт)</translation>
    </message>
    <message>
        <source>package directory %1 does not exist</source>
        <translation>каталог пакета %1 не существует</translation>
    </message>
    <message>
        <source>unparseable: %1</source>
        <translation>не удаётся разобрать: %1</translation>
    </message>
    <message>
        <source>recording id %1 does not match the package directory name %2</source>
        <translation>идентификатор записи %1 не совпадает с именем каталога пакета %2</translation>
    </message>
    <message>
        <source>package is stored under %1 but its started_at belongs in %2</source>
        <translation>пакет лежит в %1, но по started_at должен лежать в %2</translation>
    </message>
    <message>
        <source>unsafe or reserved path in manifest.json</source>
        <translation>небезопасный или зарезервированный путь в manifest.json</translation>
    </message>
    <message>
        <source>size mismatch (expected %1 bytes, got %2)</source>
        <translation>размер не совпадает (ожидалось %1 байт, получено %2)</translation>
    </message>
    <message>
        <source>SHA-256 mismatch (expected %1, got %2)</source>
        <translation>SHA-256 не совпадает (ожидалось %1, получено %2)</translation>
    </message>
    <message>
        <source>unlisted file (not in manifest.json)</source>
        <translation>лишний файл (нет в manifest.json)</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>недопустим: %1</translation>
    </message>
    <message>
        <source>SHA-256 mismatch (expected %1…, got %2…)</source>
        <translation>SHA-256 не совпадает (ожидалось %1…, получено %2…)</translation>
    </message>
    <message>
        <source>recording %1: %2</source>
        <translation>запись %1: %2</translation>
    </message>
    <message>
        <source>%1 (the verified copy already in the cache is kept)</source>
        <translation>%1 (проверенная копия, уже находящаяся в кэше, сохранена)</translation>
    </message>
    <message>
        <source>recording %1 is quarantined: %2</source>
        <translation>запись %1 помещена в карантин: %2</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::DisplayNames</name>
    <message>
        <source>audio</source>
        <translation>аудио</translation>
    </message>
    <message>
        <source>video</source>
        <translation>видео</translation>
    </message>
    <message>
        <source>screen share</source>
        <translation>демонстрация экрана</translation>
    </message>
    <message>
        <source>active</source>
        <comment>legal hold state</comment>
        <translation>действует</translation>
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
        <translation>&amp;От</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Screen share</source>
        <translation>Демонстрация экрана</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>Сб&amp;росить фильтры</translation>
    </message>
    <message>
        <source>Recorded on or after</source>
        <translation>Записано в этот день или позже</translation>
    </message>
    <message>
        <source>Filter by earliest date</source>
        <translation>Фильтр по самой ранней дате</translation>
    </message>
    <message>
        <source>Recorded on or before</source>
        <translation>Записано в этот день или раньше</translation>
    </message>
    <message>
        <source>Filter by latest date</source>
        <translation>Фильтр по самой поздней дате</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Name, phone or e-mail</source>
        <translation>Имя, телефон или эл. почта</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <source>Exact tag</source>
        <translation>Точный тег</translation>
    </message>
    <message>
        <source>Has an audio track</source>
        <translation>Есть аудиодорожка</translation>
    </message>
    <message>
        <source>Has a video track</source>
        <translation>Есть видеодорожка</translation>
    </message>
    <message>
        <source>Has a screen-share track</source>
        <translation>Есть дорожка демонстрации экрана</translation>
    </message>
    <message>
        <source>Call direction</source>
        <translation>Направление звонка</translation>
    </message>
    <message>
        <source>Any direction</source>
        <translation>Любое направление</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренний</translation>
    </message>
    <message>
        <source>Verification state</source>
        <translation>Статус проверки</translation>
    </message>
    <message>
        <source>Verified and quarantined</source>
        <translation>Проверенные и в карантине</translation>
    </message>
    <message>
        <source>Verified only</source>
        <translation>Только проверенные</translation>
    </message>
    <message>
        <source>Quarantined only</source>
        <translation>Только в карантине</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Сбросить все фильтры</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Participant and tag</source>
        <translation>Участник и тег</translation>
    </message>
    <message>
        <source>Tracks present</source>
        <translation>Наличие дорожек</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::InspectorView</name>
    <message>
        <source>Manifest JSON</source>
        <translation>JSON манифеста</translation>
    </message>
    <message>
        <source>Transcript JSON</source>
        <translation>JSON расшифровки</translation>
    </message>
    <message>
        <source>Verification and audit events</source>
        <translation>События проверки и аудита</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Манифест</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Verification and audit</source>
        <translation>Проверка и аудит</translation>
    </message>
    <message>
        <source>Install kate-syntax-highlighter (Debian package libkf5syntaxhighlighting-tools) for coloured JSON.</source>
        <translation>Установите kate-syntax-highlighter (пакет Debian libkf5syntaxhighlighting-tools) для цветной подсветки JSON.</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Запись %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::LibraryView</name>
    <message>
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Recording details</source>
        <translation>Сведения о записи</translation>
    </message>
    <message>
        <source>Select a recording to see its participants, tracks and verification.</source>
        <translation>Выберите запись, чтобы увидеть её участников, дорожки и результат проверки.</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Запись %1</translation>
    </message>
    <message>
        <source>Verification: every file matches its SHA-256 and the capture signature is valid.</source>
        <translation>Проверка: все файлы совпадают со своими SHA-256, подпись узла записи действительна.</translation>
    </message>
    <message>
        <source>Search transcripts, participants, tags and notes (Ctrl+F); &quot;quoted phrase&quot;, prefix*</source>
        <translation>Поиск по расшифровкам, участникам, тегам и заметкам (Ctrl+F); &quot;фраза в кавычках&quot;, префикс*</translation>
    </message>
    <message>
        <source>Search recordings</source>
        <translation>Поиск записей</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Cannot search for this: %1</source>
        <translation>Такой поиск невозможен: %1</translation>
    </message>
    <message numerus="yes">
        <source>The first %n matches, best first. Double-click or press Enter to play from the match.</source>
        <translation>
            <numerusform>Первые %n совпадение, сначала лучшие. Двойной щелчок или Enter — воспроизведение с места совпадения.</numerusform>
            <numerusform>Первые %n совпадения, сначала лучшие. Двойной щелчок или Enter — воспроизведение с места совпадения.</numerusform>
            <numerusform>Первые %n совпадений, сначала лучшие. Двойной щелчок или Enter — воспроизведение с места совпадения.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first. Double-click or press Enter to play from the match.</source>
        <translation>
            <numerusform>%n совпадение, сначала лучшие. Двойной щелчок или Enter — воспроизведение с места совпадения.</numerusform>
            <numerusform>%n совпадения, сначала лучшие. Двойной щелчок или Enter — воспроизведение с места совпадения.</numerusform>
            <numerusform>%n совпадений, сначала лучшие. Двойной щелчок или Enter — воспроизведение с места совпадения.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the recordings: %1</source>
        <translation>Не удалось прочитать записи: %1</translation>
    </message>
    <message>
        <source>%1 recording(s) in the cache</source>
        <translation>Записей в кэше: %1</translation>
    </message>
    <message>
        <source>%1 recording(s) match the filters</source>
        <translation>Записей, соответствующих фильтрам: %1</translation>
    </message>
    <message>
        <source>%1, started %2 UTC, %3 s</source>
        <translation>%1, начало %2 UTC, %3 с</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Участники: %1</translation>
    </message>
    <message>
        <source>Tracks: %1</source>
        <translation>Дорожки: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Теги: %1</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <translation>Юридическое удержание: %1</translation>
    </message>
    <message>
        <source>QUARANTINED — never shown as valid: %1</source>
        <translation>В КАРАНТИНЕ — никогда не отображается как действительная: %1</translation>
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
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Holdfast</source>
        <translation>&amp;О программе Holdfast</translation>
    </message>
    <message>
        <source>%1 — Holdfast</source>
        <translation>%1 — Holdfast</translation>
    </message>
    <message>
        <source>About Holdfast</source>
        <translation>О программе Holdfast</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Заблокировано после %n минуты бездействия.</numerusform>
            <numerusform>Заблокировано после %n минут бездействия.</numerusform>
            <numerusform>Заблокировано после %n минут бездействия.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>Lock the cache: wipe the keys and show only the unlock page</source>
        <translation>Заблокировать кэш: стереть ключи из памяти и показать только страницу разблокировки</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Search Recordings</source>
        <translation>&amp;Поиск записей</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Библиотека</translation>
    </message>
    <message>
        <source>&amp;Inspect Recording</source>
        <translation>&amp;Инспектор записи</translation>
    </message>
    <message>
        <source>&amp;Vaults and Sync</source>
        <translation>&amp;Хранилища и синхронизация</translation>
    </message>
    <message>
        <source>V&amp;ault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>&amp;Add Vault Account…</source>
        <translation>&amp;Добавить учётную запись хранилища…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Locked — Holdfast</source>
        <translation>Заблокировано — Holdfast</translation>
    </message>
    <message>
        <source> — AUDITOR MODE (read-only)</source>
        <translation> — РЕЖИМ АУДИТОРА (только чтение)</translation>
    </message>
    <message>
        <source>AUDITOR MODE — this cache is open read-only: nothing can be changed, and nothing is written.</source>
        <translation>РЕЖИМ АУДИТОРА — кэш открыт только для чтения: ничего нельзя изменить, и ничего не записывается.</translation>
    </message>
    <message>
        <source>Auditor mode</source>
        <translation>Режим аудитора</translation>
    </message>
    <message>
        <source>Vaults and &amp;Sync</source>
        <translation>Хранилища и с&amp;инхронизация</translation>
    </message>
    <message>
        <source>Opening recording %1 at %2</source>
        <translation>Открытие записи %1 с позиции %2</translation>
    </message>
    <message>
        <source>Locked. Enter the passphrase to continue.</source>
        <translation>Заблокировано. Введите парольную фразу, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Enter / double-click</source>
        <translation>Enter / двойной щелчок</translation>
    </message>
    <message>
        <source>Open the selected recording or search hit in the player</source>
        <translation>Открыть выбранную запись или найденное место в проигрывателе</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+буква</translation>
    </message>
    <message>
        <source>Go to the control whose label has that letter underlined</source>
        <translation>Перейти к элементу управления, в подписи которого подчёркнута эта буква</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Compliance review workstation for recorded calls.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;GStreamer&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLCipher&lt;/td&gt;&lt;td&gt;%4 (SQLite %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Рабочее место для проверки записанных звонков на соответствие требованиям.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;GStreamer&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLCipher&lt;/td&gt;&lt;td&gt;%4 (SQLite %5)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::PassphraseStrength</name>
    <message>
        <source>empty</source>
        <translation>нулевая</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>низкая</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>средняя</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>высокая</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>очень высокая</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::PlayerView</name>
    <message>
        <source>Player</source>
        <translation>Проигрыватель</translation>
    </message>
    <message>
        <source>Cannot open recording %1: %2</source>
        <translation>Не удаётся открыть запись %1: %2</translation>
    </message>
    <message>
        <source>Screen share</source>
        <translation>Демонстрация экрана</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Без звука: %1</translation>
    </message>
    <message>
        <source>mixed audio</source>
        <translation>общий звук</translation>
    </message>
    <message>
        <source>media not downloaded</source>
        <translation>медиаданные не загружены</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>computing waveform…</source>
        <translation>вычисляется форма волны…</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Экран</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Увеличить (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Уменьшить (Ctrl+-)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Воспроизведение / пауза (Пробел)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Previous speaker turn (P)</source>
        <translation>Предыдущая реплика (P)</translation>
    </message>
    <message>
        <source>Next speaker turn (N)</source>
        <translation>Следующая реплика (N)</translation>
    </message>
    <message>
        <source>Volume (Up / Down)</source>
        <translation>Громкость (стрелки вверх / вниз)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Закладка</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>Add bookmark…</source>
        <translation>Добавить закладку…</translation>
    </message>
    <message>
        <source>Read-only workspace: bookmarks cannot be added</source>
        <translation>Рабочая область открыта только для чтения: закладки добавить нельзя</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Воспроизведение / пауза</translation>
    </message>
    <message>
        <source>Stop shuttle and pause</source>
        <translation>Остановить перемотку и поставить на паузу</translation>
    </message>
    <message>
        <source>Play forward, faster on each press (up to 2×)</source>
        <translation>Воспроизведение вперёд, с каждым нажатием быстрее (до 2×)</translation>
    </message>
    <message>
        <source>Rewind, faster on each press</source>
        <translation>Перемотка назад, с каждым нажатием быстрее</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>Назад на 5 секунд</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Вперёд на 5 секунд</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Предыдущий кадр</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Следующий кадр</translation>
    </message>
    <message>
        <source>Previous speaker turn</source>
        <translation>Предыдущая реплика</translation>
    </message>
    <message>
        <source>Next speaker turn</source>
        <translation>Следующая реплика</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Медленнее</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Быстрее</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Громче</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Тише</translation>
    </message>
    <message>
        <source>Bookmark the playhead (with a note)</source>
        <translation>Поставить закладку в текущей позиции (с заметкой)</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>Найти в расшифровке</translation>
    </message>
    <message>
        <source>Zoom the timeline in</source>
        <translation>Увеличить масштаб временной шкалы</translation>
    </message>
    <message>
        <source>Zoom the timeline out</source>
        <translation>Уменьшить масштаб временной шкалы</translation>
    </message>
    <message>
        <source>no waveform: %1</source>
        <translation>нет формы волны: %1</translation>
    </message>
    <message>
        <source>Rewind %1×</source>
        <translation>Перемотка назад %1×</translation>
    </message>
    <message>
        <source>Bookmark not added: %1</source>
        <translation>Закладка не добавлена: %1</translation>
    </message>
    <message>
        <source>Bookmark added at %1</source>
        <translation>Закладка добавлена в позиции %1</translation>
    </message>
    <message>
        <source>Add bookmark</source>
        <translation>Добавить закладку</translation>
    </message>
    <message>
        <source>Note for %1 (optional):</source>
        <translation>Заметка к позиции %1 (необязательно):</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>автор: %1</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>все</translation>
    </message>
    <message>
        <source>cannot play: %1</source>
        <translation>воспроизведение невозможно: %1</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>ещё не началась</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>закончилась</translation>
    </message>
    <message>
        <source>Download of track %1 failed: %2</source>
        <translation>Не удалось загрузить дорожку %1: %2</translation>
    </message>
    <message>
        <source>Track %1 downloaded</source>
        <translation>Дорожка %1 загружена</translation>
    </message>
    <message>
        <source>Playback speed (the pitch stays the same)</source>
        <translation>Скорость воспроизведения (высота тона не меняется)</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>загрузка…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <source>Speed %1</source>
        <translation>Скорость %1</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>Соло</translation>
    </message>
    <message>
        <source>Hear only this track</source>
        <translation>Слушать только эту дорожку</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>Соло: %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::RecordingListModel</name>
    <message>
        <source>Hashes and capture signature verified</source>
        <translation>Хеши и подпись узла записи проверены</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Дорожки</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренний</translation>
    </message>
    <message>
        <source>Quarantined: %1</source>
        <translation>В карантине: %1</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>В карантине</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>Щёлкните для сортировки</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SearchResultsModel</name>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Где найдено</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Говорящий</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Минут бездействия до блокировки</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>&amp;Блокировать при бездействии через:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>A new language takes effect when Holdfast starts again.</source>
        <translation>Новый язык вступит в силу после перезапуска Holdfast.</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SyncPanel</name>
    <message>
        <source>all media</source>
        <translation>все медиаданные</translation>
    </message>
    <message>
        <source>media on demand</source>
        <translation>медиаданные по запросу</translation>
    </message>
    <message>
        <source>metadata only</source>
        <translation>только метаданные</translation>
    </message>
    <message>
        <source>Listing the vault</source>
        <translation>Получение списка содержимого хранилища</translation>
    </message>
    <message>
        <source>Verifying manifests and transcripts</source>
        <translation>Проверка манифестов и расшифровок</translation>
    </message>
    <message>
        <source>Downloading media</source>
        <translation>Загрузка медиаданных</translation>
    </message>
    <message>
        <source>Evicting what left the scope</source>
        <translation>Удаление из кэша того, что вышло за рамки синхронизации</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлена</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>В карантине</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Media stored</source>
        <translation>Медиаданные сохранены</translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation>Удалена из кэша</translation>
    </message>
    <message>
        <source>Kept (on hold)</source>
        <translation>Сохранена (юридическое удержание)</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>&amp;Добавить учётную запись…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Си&amp;нхронизировать сейчас</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отмена</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Повто&amp;рить</translation>
    </message>
    <message>
        <source>Vault accounts</source>
        <translation>Учётные записи хранилищ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиаданные</translation>
    </message>
    <message>
        <source>Add a vault account</source>
        <translation>Добавить учётную запись хранилища</translation>
    </message>
    <message>
        <source>Remove the selected vault account</source>
        <translation>Удалить выбранную учётную запись хранилища</translation>
    </message>
    <message>
        <source>Test the connection to the selected vault</source>
        <translation>Проверить подключение к выбранному хранилищу</translation>
    </message>
    <message>
        <source>Sync the selected vault now</source>
        <translation>Синхронизировать выбранное хранилище сейчас</translation>
    </message>
    <message>
        <source>Cancel the running sync</source>
        <translation>Отменить текущую синхронизацию</translation>
    </message>
    <message>
        <source>Retry the last sync</source>
        <translation>Повторить последнюю синхронизацию</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Ход синхронизации</translation>
    </message>
    <message>
        <source>Outcome of the last sync</source>
        <translation>Результат последней синхронизации</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Vault path</source>
        <translation>Путь в хранилище</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Quarantined recordings</source>
        <translation>Записи в карантине</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Причина отклонения</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Quarantine: packages that failed verification</source>
        <translation>Карантин: пакеты, не прошедшие проверку</translation>
    </message>
    <message>
        <source>Could not read the vault accounts: %1</source>
        <translation>Не удалось прочитать учётные записи хранилищ: %1</translation>
    </message>
    <message>
        <source>%1 (credentials stored in the cache)</source>
        <translation>%1 (учётные данные хранятся в кэше)</translation>
    </message>
    <message>
        <source>No vault account yet. Add one to sync recordings into this cache.</source>
        <translation>Учётных записей хранилищ пока нет. Добавьте учётную запись, чтобы синхронизировать записи в этот кэш.</translation>
    </message>
    <message>
        <source>Could not save the account: %1</source>
        <translation>Не удалось сохранить учётную запись: %1</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; saved in the encrypted cache.</source>
        <translation>Учётная запись «%1» сохранена в зашифрованном кэше.</translation>
    </message>
    <message>
        <source>Remove Vault Account</source>
        <translation>Удаление учётной записи хранилища</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and its stored credentials? Recordings already in the cache stay.</source>
        <translation>Удалить учётную запись «%1» и сохранённые учётные данные? Записи, уже находящиеся в кэше, останутся.</translation>
    </message>
    <message>
        <source>Could not remove the account: %1</source>
        <translation>Не удалось удалить учётную запись: %1</translation>
    </message>
    <message>
        <source>Cancelling… what was committed stays; the next sync continues.</source>
        <translation>Отмена… Уже сохранённое остаётся; следующая синхронизация продолжит с этого места.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; answered: the connection works.</source>
        <translation>Хранилище «%1» ответило: подключение работает.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not answer: %2</source>
        <translation>Хранилище «%1» не ответило: %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Starting the sync of &quot;%1&quot;…</source>
        <translation>Запуск синхронизации «%1»…</translation>
    </message>
    <message>
        <source>Asking &quot;%1&quot; for a listing…</source>
        <translation>Запрос списка содержимого у «%1»…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v из %m файлов</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) done</source>
        <translation>
            <numerusform>обработан %n файл</numerusform>
            <numerusform>обработано %n файла</numerusform>
            <numerusform>обработано %n файлов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/с</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>осталось около %1</translation>
    </message>
    <message>
        <source>%1 package(s): %2 new, %3 updated, %4 unchanged, %5 quarantined, %6 failed; %7 media file(s) stored (%8); %9 evicted. Took %10.</source>
        <translation>Пакетов: %1 (новых: %2, обновлено: %3, без изменений: %4, в карантине: %5, с ошибкой: %6); сохранено медиафайлов: %7 (%8); удалено из кэша: %9. Заняло %10.</translation>
    </message>
    <message>
        <source>Cancelled; what was committed stays and the next sync continues. </source>
        <translation>Отменено; уже сохранённое остаётся, а следующая синхронизация продолжит с этого места. </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Sync aut&amp;omatically:</source>
        <translation>Синхронизировать &amp;автоматически:</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>Автосинхронизация</translation>
    </message>
    <message>
        <source>How often the selected account syncs by itself</source>
        <translation>Как часто выбранная учётная запись синхронизируется сама</translation>
    </message>
    <message>
        <source>Could not read when &quot;%1&quot; was last synced; its automatic sync counts from now: %2</source>
        <translation>Не удалось прочитать время последней синхронизации «%1»; автосинхронизация отсчитывается от текущего момента: %2</translation>
    </message>
    <message>
        <source>Could not change the automatic sync: %1</source>
        <translation>Не удалось изменить автосинхронизацию: %1</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot;: %2.</source>
        <translation>Автосинхронизация «%1»: %2.</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot;: %2</source>
        <translation>Автосинхронизация «%1»: %2</translation>
    </message>
    <message>
        <source>Starting the automatic sync of &quot;%1&quot;…</source>
        <translation>Запуск автосинхронизации «%1»…</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot; failed: %2</source>
        <translation>Автосинхронизация «%1» не удалась: %2</translation>
    </message>
    <message>
        <source>Automatic sync is unavailable in auditor mode: the cache is open read-only.</source>
        <translation>Автосинхронизация недоступна в режиме аудитора: кэш открыт только для чтения.</translation>
    </message>
    <message>
        <source>The next automatic sync of &quot;%1&quot; counts from the end of this one.</source>
        <translation>Следующая автосинхронизация «%1» отсчитывается от окончания текущей.</translation>
    </message>
    <message>
        <source>Automatic sync is off.</source>
        <translation>Автосинхронизация выключена.</translation>
    </message>
    <message>
        <source>Automatic sync of &quot;%1&quot; is due: it starts when the running job ends.</source>
        <translation>Пора выполнить автосинхронизацию «%1»: она начнётся, когда завершится текущее задание.</translation>
    </message>
    <message>
        <source>Next automatic sync: %1 (&quot;%2&quot;)</source>
        <translation>Следующая автосинхронизация: %1 («%2»)</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::SyncScheduler</name>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Каждые 15 минут</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Каждый час</translation>
    </message>
    <message>
        <source>Every 4 hours</source>
        <translation>Каждые 4 часа</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Ежедневно</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Каждую %n минуту</numerusform>
            <numerusform>Каждые %n минуты</numerusform>
            <numerusform>Каждые %n минут</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::TimelineWidget</name>
    <message>
        <source>Call timeline</source>
        <translation>Временная шкала звонка</translation>
    </message>
    <message>
        <source>Click or drag to seek; Ctrl+wheel zooms</source>
        <translation>Щёлкните или перетащите для перехода; Ctrl+колесо мыши меняет масштаб</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>Форма волны</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::TrackPlayback</name>
    <message>
        <source>Track %1</source>
        <translation>Дорожка %1</translation>
    </message>
    <message>
        <source>media not downloaded</source>
        <translation>медиаданные не загружены</translation>
    </message>
    <message>
        <source>cannot play: %1</source>
        <translation>воспроизведение невозможно: %1</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>ещё не началась</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>закончилась</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Download track %1</source>
        <translation>Загрузить дорожку %1</translation>
    </message>
    <message>
        <source>Download progress of track %1</source>
        <translation>Ход загрузки дорожки %1</translation>
    </message>
    <message>
        <source>media not downloaded (read-only workspace)</source>
        <translation>медиафайлы не загружены (рабочая область только для чтения)</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>загрузка…</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::TranscriptPanel</name>
    <message>
        <source>Follow playback</source>
        <translation>Следовать за воспроизведением</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Find in transcript (Ctrl+F, Enter for next)</source>
        <translation>Найти в расшифровке (Ctrl+F, Enter — следующее совпадение)</translation>
    </message>
    <message>
        <source>Find in transcript</source>
        <translation>Найти в расшифровке</translation>
    </message>
    <message>
        <source>Scroll the transcript with playback again</source>
        <translation>Снова прокручивать расшифровку вместе с воспроизведением</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>не найдено</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::UnlockPage</name>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>Повтор&amp;ите парольную фразу:</translation>
    </message>
    <message>
        <source>Cache directory</source>
        <translation>Каталог кэша</translation>
    </message>
    <message>
        <source>Choose the cache directory</source>
        <translation>Выберите каталог кэша</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Повторите парольную фразу</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Надёжность парольной фразы</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Compliance officer</source>
        <translation>Комплаенс-офицер</translation>
    </message>
    <message>
        <source>Legal team</source>
        <translation>Юридический отдел</translation>
    </message>
    <message>
        <source>Auditor (read-only)</source>
        <translation>Аудитор (только чтение)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Deriving the key</source>
        <translation>Вычисление ключа</translation>
    </message>
    <message>
        <source>&amp;Cache:</source>
        <translation>&amp;Кэш:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>Create an encrypted cache</source>
        <translation>Создать зашифрованный кэш</translation>
    </message>
    <message>
        <source>Unlock the cache</source>
        <translation>Разблокировать кэш</translation>
    </message>
    <message>
        <source>Recordings are kept in an encrypted cache on this computer. Choose where it lives and a passphrase. The passphrase cannot be recovered: without it the cache cannot be read.</source>
        <translation>Записи хранятся в зашифрованном кэше на этом компьютере. Выберите его расположение и парольную фразу. Парольную фразу невозможно восстановить: без неё кэш прочитать нельзя.</translation>
    </message>
    <message>
        <source>Enter the passphrase of this cache. Nothing is readable until it is unlocked.</source>
        <translation>Введите парольную фразу этого кэша. Пока кэш не разблокирован, ничего прочитать нельзя.</translation>
    </message>
    <message>
        <source>&amp;Create Cache</source>
        <translation>Со&amp;здать кэш</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Раз&amp;блокировать</translation>
    </message>
    <message>
        <source>Create the cache</source>
        <translation>Создать кэш</translation>
    </message>
    <message>
        <source>There is no cache at %1, and a read-only session cannot create one.</source>
        <translation>В %1 нет кэша, а сеанс только для чтения не может его создать.</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Надёжность: %1</translation>
    </message>
    <message>
        <source>Use a longer passphrase, e.g. four or more unrelated words.</source>
        <translation>Используйте более длинную парольную фразу, например из четырёх или более не связанных между собой слов.</translation>
    </message>
    <message>
        <source>Creating the cache…</source>
        <translation>Создание кэша…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Неверная парольная фраза. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Could not open the cache: %1</source>
        <translation>Не удалось открыть кэш: %1</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::VaultAccountDialog</name>
    <message>
        <source>Add Vault Account</source>
        <translation>Добавление учётной записи хранилища</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Название учётной записи</translation>
    </message>
    <message>
        <source>e.g. Team A recordings</source>
        <translation>например, записи команды A</translation>
    </message>
    <message>
        <source>Vault kind</source>
        <translation>Тип хранилища</translation>
    </message>
    <message>
        <source>Folder vault</source>
        <translation>Хранилище-папка</translation>
    </message>
    <message>
        <source>Azure Blob: connection string</source>
        <translation>Azure Blob: строка подключения</translation>
    </message>
    <message>
        <source>Azure Blob: SAS URL</source>
        <translation>Azure Blob: SAS URL</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
    <message>
        <source>Container and prefix</source>
        <translation>Контейнер и префикс</translation>
    </message>
    <message>
        <source>container[/prefix]</source>
        <translation>контейнер[/префикс]</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Строка подключения</translation>
    </message>
    <message>
        <source>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net</source>
        <translation>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net</translation>
    </message>
    <message>
        <source>SAS URL</source>
        <translation>SAS URL</translation>
    </message>
    <message>
        <source>https://account.blob.core.windows.net/container?sv=…&amp;sig=…</source>
        <translation>https://account.blob.core.windows.net/container?sv=…&amp;sig=…</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate file</source>
        <translation>Файл дополнительного доверенного сертификата ЦС</translation>
    </message>
    <message>
        <source>Optional: one more trusted CA (PEM)</source>
        <translation>Необязательно: ещё один доверенный ЦС (PEM)</translation>
    </message>
    <message>
        <source>Media policy</source>
        <translation>Политика медиаданных</translation>
    </message>
    <message>
        <source>Download all media</source>
        <translation>Загружать все медиаданные</translation>
    </message>
    <message>
        <source>Media on demand (when played)</source>
        <translation>Медиаданные по запросу (при воспроизведении)</translation>
    </message>
    <message>
        <source>Metadata only</source>
        <translation>Только метаданные</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Выберите папку хранилища</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Контейнер:</translation>
    </message>
    <message>
        <source>Connection string:</source>
        <translation>Строка подключения:</translation>
    </message>
    <message>
        <source>SAS URL:</source>
        <translation>SAS URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Файл ЦС:</translation>
    </message>
    <message>
        <source>&amp;Media:</source>
        <translation>&amp;Медиаданные:</translation>
    </message>
    <message>
        <source>Credentials are stored only inside the encrypted cache.</source>
        <translation>Учётные данные хранятся только в зашифрованном кэше.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Укажите название учётной записи.</translation>
    </message>
    <message>
        <source>Choose an existing vault folder.</source>
        <translation>Выберите существующую папку хранилища.</translation>
    </message>
    <message>
        <source>Choose the kind of vault.</source>
        <translation>Выберите тип хранилища.</translation>
    </message>
    <message>
        <source>%1: no such CA file</source>
        <translation>%1: файл ЦС не найден</translation>
    </message>
    <message>
        <source>A SAS URL starts with https:// and names the storage account&apos;s blob endpoint.</source>
        <translation>SAS URL начинается с https:// и указывает конечную точку BLOB-объектов учётной записи хранения.</translation>
    </message>
    <message>
        <source>The SAS URL has no signature (sig=…): copy the whole URL.</source>
        <translation>В SAS URL нет подписи (sig=…): скопируйте URL целиком.</translation>
    </message>
    <message>
        <source>The SAS URL does not name the storage account.</source>
        <translation>В SAS URL не указана учётная запись хранения.</translation>
    </message>
    <message>
        <source>The SAS URL does not name a container.</source>
        <translation>В SAS URL не указан контейнер.</translation>
    </message>
    <message>
        <source>How often the account syncs by itself</source>
        <translation>Как часто учётная запись синхронизируется сама</translation>
    </message>
    <message>
        <source>Sync aut&amp;omatically:</source>
        <translation>Синхронизировать &amp;автоматически:</translation>
    </message>
</context>
<context>
    <name>holdfast::media::CallPlayback</name>
    <message>
        <source>the media did not load within %1 s</source>
        <translation>медиафайлы не загрузились за %1 с</translation>
    </message>
</context>
<context>
    <name>holdfast::sync::SyncText</name>
    <message>
        <source>%1: size mismatch (expected %2 bytes, got %3)</source>
        <translation>%1: размер не совпадает (ожидалось %2 байт, получено %3)</translation>
    </message>
    <message>
        <source>%1 (the vault&apos;s copy; the verified copy in the cache is kept)</source>
        <translation>%1 (копия в хранилище; проверенная копия в кэше сохранена)</translation>
    </message>
    <message>
        <source>%1: too large (%2 bytes, at most %3 allowed)</source>
        <translation>%1: слишком большой (%2 байт, допускается не более %3)</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1: отсутствует</translation>
    </message>
    <message>
        <source>outside the sync scope</source>
        <translation>вне области синхронизации</translation>
    </message>
    <message>
        <source>no longer in the vault</source>
        <translation>больше нет в хранилище</translation>
    </message>
    <message>
        <source>recording %1: %2, kept because it is on hold</source>
        <translation>запись %1: %2, сохранена, так как находится на юридическом удержании</translation>
    </message>
    <message>
        <source>recording %1: cannot evict: %2</source>
        <translation>запись %1: не удаётся удалить из кэша: %2</translation>
    </message>
    <message>
        <source>recording %1 was not synced from %2</source>
        <translation>запись %1 не синхронизировалась из %2</translation>
    </message>
    <message>
        <source>recording %1 has no file %2</source>
        <translation>в записи %1 нет файла %2</translation>
    </message>
    <message>
        <source>recording %1: fetching %2 was cancelled</source>
        <translation>запись %1: загрузка %2 отменена</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compliance review workstation for recorded calls.</source>
        <translation>Рабочее место для проверки записанных звонков на соответствие требованиям.</translation>
    </message>
    <message>
        <source>Open (or create) the encrypted cache in &lt;dir&gt; instead of the last one.</source>
        <translation>Открыть (или создать) зашифрованный кэш в &lt;dir&gt; вместо последнего использованного.</translation>
    </message>
    <message>
        <source>Auditor mode: open the cache read-only; nothing can be changed.</source>
        <translation>Режим аудитора: открыть кэш только для чтения; ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>After unlocking, open the recording with this id in the player.</source>
        <translation>После разблокировки открыть запись с этим ID в проигрывателе.</translation>
    </message>
    <message>
        <source>With --open: start playing at this time.</source>
        <translation>Вместе с --open: начать воспроизведение с этого момента.</translation>
    </message>
    <message>
        <source>--at needs --open</source>
        <translation>--at можно указать только вместе с --open</translation>
    </message>
    <message>
        <source>--open: &quot;%1&quot; is not a recording id</source>
        <translation>--open: «%1» не является ID записи</translation>
    </message>
    <message>
        <source>--at: &quot;%1&quot; is not a number of seconds</source>
        <translation>--at: «%1» не является числом секунд</translation>
    </message>
</context>
</TS>
