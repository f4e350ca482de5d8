#pragma once

#include "cache/SearchQuery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTimer;

namespace holdfast::desktop {

// The filters of the recording list and of search, as a cache::SearchFilter:
// date range, participant, tag, track kinds, direction and verification.
class FilterSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit FilterSidebar(QWidget* parent = nullptr);

    cache::SearchFilter filter() const;
    void clear();

    QCheckBox* fromCheck() const { return m_fromEnabled; }
    QDateEdit* fromEdit() const { return m_from; }
    QCheckBox* toCheck() const { return m_toEnabled; }
    QDateEdit* toEdit() const { return m_to; }
    QLineEdit* participantEdit() const { return m_participant; }
    QLineEdit* tagEdit() const { return m_tag; }
    QCheckBox* trackKindCheck(model::TrackKind kind) const;

Q_SIGNALS:
    void filterChanged(const holdfast::cache::SearchFilter& filter);

private:
    void scheduleChange();

    QCheckBox* m_fromEnabled;
    QDateEdit* m_from;
    QCheckBox* m_toEnabled;
    QDateEdit* m_to;
    QLineEdit* m_participant;
    QLineEdit* m_tag;
    QCheckBox* m_audio;
    QCheckBox* m_video;
    QCheckBox* m_screen;
    QComboBox* m_direction;
    QComboBox* m_verification;
    QPushButton* m_clear;
    QTimer* m_debounce;
};

} // namespace holdfast::desktop
