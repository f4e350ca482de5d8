#pragma once

#include "capture/demo/DemoScriptLibrary.h"

#include <QColor>
#include <QImage>
#include <QRect>

namespace holdfast::capture {

// When the shared screen shows what (call times, ms).
struct ScreenShareTimes
{
    qint64 start_ms = 0;       // the share starts (the track's offset)
    qint64 formStart_ms = 0;   // slides give way to the payment form
    qint64 typingStart_ms = 0; // the card number is typed in...
    qint64 typingEnd_ms = 0;   // ...until here
};

// Draws the presenter's shared screen: an application window with slides,
// then a payment form whose card number is typed in while it is read out,
// with a bank-transfer panel (IBAN), a moving mouse pointer and the call time
// (mm:ss since the call started) in the corner. The form carries test data
// only: card 4111 1111 1111 1111 and IBAN GB82 WEST 1234 5698 7654 32.
class ScreenShareRenderer
{
public:
    static constexpr int kWidth = 1280;
    static constexpr int kHeight = 720;
    static constexpr int kFps = 5;
    static constexpr auto kTestCardNumber = "4111 1111 1111 1111";
    static constexpr auto kTestIban = "GB82 WEST 1234 5698 7654 32";

    ScreenShareRenderer(DemoScreenContent content, QString presenter, ScreenShareTimes times);

    // Not thread-safe: caches the last drawn page.
    QImage render(qint64 callTime_ms);

    // The payment form's header band: a solid colour no slide uses, so that
    // tests can recognise form frames after a lossy encode.
    static QColor paymentHeaderColour() { return QColor(0x0b, 0x6e, 0x4f); }
    static QRect paymentHeaderRect() { return QRect(300, 112, 680, 64); }

private:
    QImage drawWindow() const;
    QImage drawSlide(int index) const;
    QImage drawPaymentForm(int typedCharacters, bool caretVisible) const;

    DemoScreenContent m_content;
    QString m_presenter;
    ScreenShareTimes m_times;
    QImage m_window; // chrome shared by every page
    int m_cachedKey = -1;
    QImage m_cachedPage;
};

} // namespace holdfast::capture
