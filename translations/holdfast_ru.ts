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
        <source>recording %1: %2</source>
        <translation>запись %1: %2</translation>
    </message>
    <message>
        <source> (the verified copy already in the cache is kept)</source>
        <translation> (проверенная копия, уже находящаяся в кэше, сохранена)</translation>
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
        <source>recording %1 is quarantined: %2</source>
        <translation>запись %1 помещена в карантин: %2</translation>
    </message>
    <message>
        <source>recording %1 has no track %2</source>
        <translation>в записи %1 нет дорожки %2</translation>
    </message>
    <message>
        <source>the media of track %1 of recording %2 is not in the cache yet</source>
        <translation>медиаданные дорожки %1 записи %2 ещё не загружены в кэш</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::LibraryView</name>
    <message>
        <source>Filter by title, participant or source (Ctrl+F)</source>
        <translation>Фильтр по названию, участнику или источнику (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter recordings</source>
        <translation>Фильтр записей</translation>
    </message>
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
        <source>Captured by %1, %2 to %3 UTC</source>
        <translation>Записано узлом %1, с %2 по %3 UTC</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Участники:</translation>
    </message>
    <message>
        <source>Tracks:</source>
        <translation>Дорожки:</translation>
    </message>
    <message>
        <source>  %1 %2 of %3, starts at %4 s, %5 s long (%6, %7)</source>
        <translation>  %1 %2 (%3), начало на %4 с, длительность %5 с (%6, %7)</translation>
    </message>
    <message>
        <source>Verification: every file matches its SHA-256 and the capture signature is valid.</source>
        <translation>Проверка: все файлы совпадают со своими SHA-256, подпись узла записи действительна.</translation>
    </message>
    <message>
        <source>Verification FAILED:</source>
        <translation>Проверка НЕ ПРОЙДЕНА:</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Holdfast</source>
        <translation>Holdfast</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>Ход проверки</translation>
    </message>
    <message>
        <source>Verifying %v of %m</source>
        <translation>Проверка: %v из %m</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Отменить проверку</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open Vault…</source>
        <translation>&amp;Открыть хранилище…</translation>
    </message>
    <message>
        <source>&amp;Reload and Verify</source>
        <translation>&amp;Перезагрузить и проверить</translation>
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
        <source>&amp;Filter Recordings</source>
        <translation>&amp;Фильтр записей</translation>
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
        <source>Could not open the vault: %1</source>
        <translation>Не удалось открыть хранилище: %1</translation>
    </message>
    <message>
        <source>Verifying the recordings of %1…</source>
        <translation>Проверка записей в %1…</translation>
    </message>
    <message>
        <source>Open Vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>No vault open. Use File › Open Vault… (Ctrl+O) to choose one.</source>
        <translation>Хранилище не открыто. Выберите его: Файл › Открыть хранилище… (Ctrl+O).</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s), all verified</source>
        <translation>
            <numerusform>%n запись, проверка пройдена</numerusform>
            <numerusform>%n записи, проверка пройдена</numerusform>
            <numerusform>%n записей, проверка пройдена</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s): %1 verified, %2 FAILED verification</source>
        <translation>
            <numerusform>%n запись: проверено %1, НЕ прошли проверку %2</numerusform>
            <numerusform>%n записи: проверено %1, НЕ прошли проверку %2</numerusform>
            <numerusform>%n записей: проверено %1, НЕ прошли проверку %2</numerusform>
        </translation>
    </message>
    <message>
        <source>About Holdfast</source>
        <translation>О программе Holdfast</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Compliance review workstation for recorded calls.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Holdfast %1&lt;/h3&gt;&lt;p&gt;Рабочее место для проверки записанных звонков на соответствие требованиям.&lt;/p&gt;&lt;p&gt;Собрано с Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>holdfast::desktop::RecordingListModel</name>
    <message numerus="yes">
        <source>%n audio</source>
        <translation>
            <numerusform>%n аудиодорожка</numerusform>
            <numerusform>%n аудиодорожки</numerusform>
            <numerusform>%n аудиодорожек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video</source>
        <translation>
            <numerusform>%n видеодорожка</numerusform>
            <numerusform>%n видеодорожки</numerusform>
            <numerusform>%n видеодорожек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n screen</source>
        <translation>
            <numerusform>%n демонстрация экрана</numerusform>
            <numerusform>%n демонстрации экрана</numerusform>
            <numerusform>%n демонстраций экрана</numerusform>
        </translation>
    </message>
    <message>
        <source>Hashes and capture signature verified</source>
        <translation>Хеши и подпись узла записи проверены</translation>
    </message>
    <message>
        <source>Verification failed:
%1</source>
        <translation>Проверка не пройдена:
%1</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не пройдено</translation>
    </message>
    <message>
        <source>Unreadable package: %1</source>
        <translation>Нечитаемый пакет: %1</translation>
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
        <source>Source</source>
        <translation>Источник</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compliance review workstation for recorded calls.</source>
        <translation>Рабочее место для проверки записанных звонков на соответствие требованиям.</translation>
    </message>
    <message>
        <source>Open the folder vault in &lt;dir&gt;.</source>
        <translation>Открыть хранилище-папку &lt;dir&gt;.</translation>
    </message>
</context>
</TS>
