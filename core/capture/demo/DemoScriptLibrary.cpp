#include "capture/demo/DemoScriptLibrary.h"

#include "capture/demo/DemoRandom.h"

#include <QRegularExpression>
#include <vector>

namespace holdfast::capture {

namespace {

// ---------------------------------------------------------------------------
// Script text. Placeholders: {N} first name of role N, {Nfull} full name.

struct LineSpec
{
    int speaker;
    const char* text;
    bool card = false;
};
using Beat = std::vector<LineSpec>;

struct RoleSpec
{
    const char* role;
    const char* emailDomain; // nullptr: no e-mail known to the source system
    bool phone;
    bool doctor = false;
};

struct ScriptSpec
{
    const char* name;
    const char* source;
    model::CallDirection direction;
    const char* title;
    const char* language;
    int minPeople;
    int maxPeople;
    std::vector<RoleSpec> roles;
    std::vector<LineSpec> opening;
    std::vector<Beat> body;    // in order; padding goes between beats
    std::vector<Beat> padding; // optional exchanges, used to reach the target length
    std::vector<LineSpec> closing;
    bool participantVideo;
    int presenter;
};

const std::vector<ScriptSpec>& scripts()
{
    using D = model::CallDirection;
    static const std::vector<ScriptSpec> all = {
        {"project-meeting",
         "teams",
         D::Internal,
         "Checkout redesign - sprint review",
         "en-GB",
         3,
         4,
         {{"organizer", "harbour-outfitters.example", false},
          {"attendee", "harbour-outfitters.example", false},
          {"attendee", "harbour-outfitters.example", false},
          {"attendee", "harbour-outfitters.example", false}},
         {{0, "Hi everyone, thanks for joining. I'm recording this for anyone who couldn't make it."},
          {1, "Morning. Can you all hear me?"},
          {2, "Yes, loud and clear."},
          {0, "Great. Three things today: the checkout redesign, the test results, and the go live date. "
              "I'll share my screen."}},
         {{{0, "So this is the sprint summary. We finished the new payment form and the address lookup."},
           {1, "The form now checks the card number as you type, and the error messages are much clearer."}},
          {{2, "I ran the accessibility checks yesterday. Screen readers announce every field properly now."},
           {0, "Excellent, that was the main finding from the last audit."}},
          {{0, "Let me show the form itself. This is the staging environment."},
           {0,
            "I'm entering the standard test card, #4111 #1111 #1111 #1111, with any expiry date in the "
            "future.",
            true},
           {1, "And the bank transfer option shows the IBAN field. That uses a test IBAN as well."}},
          {{2, "One thing I noticed. The pay button stays disabled until the terms box is ticked, but "
               "nothing tells you why."},
           {0, "Good catch. Can we add a short message under the button?"},
           {1, "Yes, that's a small change. I'll do it today."}},
          {{0, "Then the go live. We're aiming for the twenty fourth, after the security review."},
           {2, "That works for testing, as long as the sandbox account is ready."}}},
         {{{3, "From a compliance point of view, please make sure real card numbers never appear in "
               "screenshots or logs."},
           {1, "Agreed. The logs mask everything except the last four digits."},
           {3, "Good. And the recording of this meeting should be redacted before it's shared."}},
          {{1, "Quick update on performance. The page now loads in under a second on a normal connection."},
           {0, "That's a big improvement, it was nearly three seconds before."},
           {1, "Mostly from removing the old tracking scripts."}},
          {{2, "Sorry, my connection dropped for a moment. Did I miss anything?"},
           {0, "Only the performance numbers. I'll put them in the notes."},
           {2, "Thanks."}},
          {{0, "Any blockers from anyone?"},
           {1, "Just waiting on the payment provider to enable the new sandbox account."},
           {0, "I'll chase them this afternoon."}},
          {{2, "For the error states, should we use red text or the warning icon?"},
           {1, "Both. The icon on its own isn't enough for colour blind users."},
           {2, "Okay, I'll update the design."}},
          {{3, "Do we have a retention setting for the saved addresses?"},
           {0, "Twelve months by default, and customers can delete them at any time."},
           {3, "That works for us."}},
          {{1, "I'd like one more day of testing on mobile before we sign off."},
           {0, "Fine, let's take the extra day. Quality first."},
           {2, "I can help with the Android devices."}},
          {{0, "Let me scroll down so you can see the confirmation screen."},
           {2, "The spacing looks much better than last week."},
           {1, "We also moved the order summary to the top."}},
          {{2, "Customer support asked if the error messages could mention their phone number."},
           {0, "Only on the final failure screen, I think. Otherwise it gets noisy."},
           {1, "Agreed, I'll add it to the payment declined page only."}},
          {{1, "The address lookup falls back to manual entry when the postcode service is slow."},
           {2, "How slow is slow?"},
           {1, "Two seconds. After that the manual fields appear and the lookup keeps trying in the "
               "background."}},
          {{0, "Marketing want a discount code field on this page."},
           {2, "Can we keep it collapsed by default? Open fields make people leave to search for codes."},
           {0, "Good point. Collapsed, with a small link."}},
          {{3, "Who has access to the staging payment logs?"},
           {1, "Only the payments team and the on call engineer, and access is reviewed monthly."},
           {3, "Please send me the current list, I need it for the audit file."}},
          {{2, "I tested with the largest text size on the phone. Nothing overlaps any more."},
           {0, "Great. That was the most common complaint last quarter."}},
          {{1, "Do we keep the old form behind a feature flag for a week after launch?"},
           {0, "Yes, two weeks. If the error rate goes up we switch back within minutes."},
           {2, "And we watch the conversion numbers daily in that period."}}},
         {{0, "Okay, I think we're done. I'll send the notes and the recording link."},
          {1, "Thanks all."},
          {2, "Bye everyone."}},
         true,
         0},

        {"card-payment",
         "sip",
         D::Inbound,
         "Customer payments queue",
         "en-GB",
         2,
         3,
         {{"agent", "brightwater-energy.example", false},
          {"customer", nullptr, true},
          {"team leader", "brightwater-energy.example", false}},
         {{0, "Thank you for calling Brightwater Energy, my name is {0}. Calls are recorded for training and "
              "quality purposes. How can I help?"},
          {1, "Hi {0}, I'd like to pay the outstanding balance on my account, please."},
          {0, "Of course. Can I take your account number?"},
          {1, "It's #8843 #2219."}},
         {{{0, "Thank you. And for security, your full name and the first line of your address?"},
           {1, "It's {1full}, fourteen Orchard Lane."}},
          {{0, "Thanks, you're verified. The balance is one hundred and eighty six pounds forty. Would you "
               "like to pay all of that today?"},
           {1, "Yes please, all of it."}},
          {{0, "I'll take the card details now. What's the long number on the front of the card?"},
           {1, "Okay, it's #4111 #1111 #1111 #1111.", true},
           {0, "Thank you. And the expiry date?"},
           {1, "Twelve, twenty eight."},
           {0, "And the three digit security code on the back?"},
           {1, "It's #737."}},
          {{0, "Thanks. Processing that now, it can take a few seconds."},
           {0, "That's gone through. Your payment reference is B W #55019."},
           {1, "Lovely, thank you."}}},
         {{{1, "Sorry, can you hear me okay? I'm on the train."},
           {0, "You're a little faint, but I can hear you fine."},
           {1, "Great, I'll stay near the window."}},
          {{0, "While that loads, would you like to set up a direct debit for future bills?"},
           {1, "Maybe later, I'd rather think about it first."},
           {0, "No problem at all, I'll make a note."}},
          {{1, "Will this stop the reminder letters?"},
           {0, "Yes. Once the payment clears, the account shows as up to date and the reminders stop."},
           {1, "That's a relief."}},
          {{0, "Just to confirm, is the card in your own name?"},
           {1, "Yes, it's my own debit card."},
           {0, "Thank you."}},
          {{0, "The system is a bit slow today, bear with me."},
           {1, "No rush."},
           {0, "Thanks for your patience."}},
          {{2, "Hi, this is {2}, the team leader. I'm listening in for quality today."},
           {1, "Oh, okay, that's fine."},
           {0, "{2} is helping me with the new payment screen."}},
          {{1, "Also, my meter reading is due next week. Do I need to call again?"},
           {0, "You can submit it online or in the app, there's no need to call."},
           {1, "Okay, I'll use the app."}},
          {{0, "Can I confirm the best contact number for you?"},
           {1, "The mobile is best, the one on the account."},
           {0, "Thank you, that's the one we have."}},
          {{1, "Do you offer a payment plan, in case this happens again?"},
           {0, "We do. You can spread the cost over up to six months, I can send you the details."},
           {1, "Yes please, by email."}},
          {{0, "I can see you were also charged a late payment fee. As a one off I can remove that for you."},
           {1, "Oh, that would be great, thank you."},
           {0, "Done, the balance already reflects that."}},
          {{1, "Sorry, my dog is barking, one moment."},
           {0, "No problem, take your time."},
           {1, "Sorry about that, I'm back."}},
          {{0, "For your security, I'll never ask for your online banking password or PIN."},
           {1, "Good to know, thanks."}}},
         {{0, "Is there anything else I can help with today?"},
          {1, "No, that's everything. Thanks for your help."},
          {0, "You're welcome. Have a lovely day, goodbye."}},
         false,
         0},

        {"trade-confirmation",
         "turret",
         D::Outbound,
         "Rates desk - gilt confirmation",
         "en-GB",
         2,
         3,
         {{"trader", "harbourline-markets.example", true},
          {"counterparty", "kestrel-am.example", true},
          {"middle office", "harbourline-markets.example", true}},
         {{0, "Rates desk, {0} speaking. This line is recorded."},
          {1, "Morning {0}, it's {1} at Kestrel. Have you got a minute to go through the gilt order from "
              "earlier?"},
          {0, "Of course, let me pull it up. Right, I have it in front of me."}},
         {{{1, "So we agreed to buy fifty million pounds nominal of the twenty thirty three gilt."},
           {0,
            "Correct, at a clean price of ninety seven point one eight, for settlement on Thursday, T plus "
            "one."}},
          {{1, "And the accrued interest is on top of that?"},
           {0, "Yes, accrued comes to just under four hundred thousand pounds. The total consideration is "
               "forty nine million, one hundred and ninety three thousand."},
           {1, "That matches our blotter."}},
          {{1, "Which account are you booking it to?"},
           {0, "The segregated pension account ending #4471, as per your standing instructions."}},
          {{1, "Good. Please confirm the execution venue for our MiFID reporting."},
           {0, "Executed on our systematic internaliser, time stamped ten fourteen and twelve seconds. The "
               "transaction report goes out tonight."}},
          {{1, "Perfect. And the best execution summary?"},
           {0, "You'll have it by email within the hour, with the three competing quotes we saw."}}},
         {{{1, "Before I forget, how is the curve behaving this morning?"},
           {0, "Fairly quiet. The long end is two basis points richer after the auction, the front end "
               "hasn't moved."},
           {1, "Interesting, we expected more supply pressure."}},
          {{0, "Just to double check, the size was fifty million nominal, not fifty million cash?"},
           {1, "Nominal, yes. Fifty million nominal."},
           {0, "Thank you, noted."}},
          {{1, "Can you repeat the price? The line broke up for a second."},
           {0, "Ninety seven point one eight. Nine seven, point, one eight."},
           {1, "Got it, thanks."}},
          {{0, "{2} from middle office is on the line, she needs the settlement details."},
           {2, "Hi both. Settlement is through CREST, and your custodian is listed as Northwall Trust. Is "
               "that still right?"},
           {1, "Yes, Northwall Trust. Nothing has changed."}},
          {{1, "While I have you, are you showing anything in the ten year?"},
           {0, "I can show you a bid in size, but I'd need to check with the desk for an offer."},
           {1, "Leave it for now, we'll come back after lunch."}},
          {{0, "One more thing for the record. This was an order on your instruction, and no advice was "
               "given."},
           {1, "Agreed. Execution only, at our request."}},
          {{1, "Our compliance team asked whether you pre hedged any of this."},
           {0, "No pre hedging. The order was only worked after you confirmed the limit."},
           {1, "Thanks, I'll note that."}},
          {{2, "One question on the allocation. Is it all to the one account, or split?"},
           {1, "All to the one account, no split this time."},
           {2, "Understood, single allocation."}},
          {{1, "What time did the auction results come out this morning?"},
           {0, "Ten thirty five. Cover was two point six times, so decent demand."},
           {1, "Better than last month."}},
          {{0, "Do you want the same booking for the second tranche next week?"},
           {1, "Probably, but we'll confirm the size on Monday."},
           {0, "Understood, nothing is agreed for next week yet."}},
          {{1, "Can you send the trade confirmation to the operations mailbox as well?"},
           {0, "Yes, I'll copy operations and your middle office."},
           {1, "Thanks, that saves a step."}},
          {{0, "Quick reminder, our desk closes early on Friday for the bank holiday in the US."},
           {1, "Noted. We won't need anything late on Friday."}},
          {{2, "The settlement instructions on file were last confirmed in March. Are they still current?"},
           {1, "Yes, nothing has changed since then."},
           {2, "Thank you, I'll mark them as reconfirmed today."}}},
         {{1, "Great, I think that's everything."},
          {0, "Thanks {1}. I'll send the confirmation now. Speak soon."},
          {1, "Cheers, bye."}},
         false,
         -1},

        {"clinical-consultation",
         "teams",
         D::Inbound,
         "Follow-up consultation",
         "en-US",
         2,
         4,
         {{"clinician", "lakeside-health.example", false, true},
          {"patient", "mailbox.example", true},
          {"nurse", "lakeside-health.example", false},
          {"family member", nullptr, false}},
         {{0, "Hello, can you see and hear me alright?"},
          {1, "Yes, I can hear you fine, doctor."},
          {0, "Great. Before we start, this video visit is recorded in your medical record. Can you confirm "
              "your date of birth?"},
          {1, "March fourteenth, nineteen seventy eight."},
          {0, "Thank you. I have your blood test results from last week. I'll share my screen so we can go "
              "through them."}},
         {{{0, "Your fasting glucose was one hundred and thirty one, and your A one C is seven point two "
               "percent."},
           {1, "Is that bad?"},
           {0, "It means you have type two diabetes. It's very common and very manageable, and we caught it "
               "early."}},
          {{1, "Oh. I was worried it might be something like that. My father had it."},
           {0, "Family history does increase the risk. The good news is that your kidney function and "
               "cholesterol are normal."}},
          {{0, "I'd like to start you on metformin, five hundred milligrams twice a day with meals."},
           {1, "Are there side effects?"},
           {0, "Some people get an upset stomach for the first couple of weeks. Taking it with food helps a "
               "lot."}},
          {{0,
            "I'm also referring you to a diabetes educator, and we'll repeat the A one C in three months."},
           {1, "Okay. Should I change what I eat?"},
           {0, "Yes. Fewer sugary drinks and refined carbs, and aim for thirty minutes of walking most "
               "days."}}},
         {{{2, "Hi, I'm {2}, the nurse on your care team. I'll send you the glucose meter instructions after "
               "the visit."},
           {1, "Thank you, that would help."},
           {2, "You'll also get a portal message with your appointment for the eye exam."}},
          {{3, "Hi doctor, I'm {1}'s partner. Is it okay if I ask a question?"},
           {0, "Of course."},
           {3, "Should we be worried about low blood sugar with this medicine?"},
           {0, "Metformin on its own rarely causes low blood sugar, so that's not a big concern."}},
          {{1, "Will I need insulin?"},
           {0, "Not at this stage. Many people manage with tablets and lifestyle changes for years."},
           {1, "That's reassuring."}},
          {{0, "Are you taking any other medications or supplements at the moment?"},
           {1, "Just vitamin D, and sometimes ibuprofen for my back."},
           {0, "That's fine to continue, just not on an empty stomach."}},
          {{1, "Sorry, you froze for a moment there."},
           {0, "Can you hear me now?"},
           {1, "Yes, you're back."}},
          {{0, "How has your sleep been lately?"},
           {1, "Not great. I wake up thirsty at night."},
           {0, "That fits with the high sugar. It should improve as the levels come down."}},
          {{1, "Can my employer see any of this?"},
           {0, "No. Your health information is private and is only shared with your permission."},
           {1, "Good, I'd rather keep it to myself for now."}},
          {{0, "Do you have a way to check your blood pressure at home?"},
           {1, "Yes, we have a cuff. It was one thirty over eighty five yesterday."},
           {0, "That's a little high. Please write it down every morning for two weeks."}},
          {{1, "Is it okay to keep drinking coffee?"},
           {0, "Yes, in moderation, without sugar or syrups."},
           {1, "That I can manage."}},
          {{2, "Do you have any allergies we should add to your chart?"},
           {1, "Penicillin. I had a rash as a child."},
           {2, "Thank you, I've added it."}},
          {{0, "If you notice blurred vision, numbness in your feet, or cuts that heal slowly, tell us "
               "straight away."},
           {1, "Okay, I'll keep an eye out."}},
          {{1, "Should I still go to the gym on days I feel tired?"},
           {0, "Light exercise is fine. Listen to your body and drink plenty of water."},
           {1, "Thanks, that helps."}}},
         {{0, "The portal will show today's visit and the co-pay. You can pay it there whenever suits you."},
          {1, "Okay, I'll do that today."},
          {0, "Take care, and message me if anything worries you before the follow up."},
          {1, "Thank you, doctor. Bye."}},
         true,
         0},

        {"complaint",
         "sip",
         D::Inbound,
         "Card services - complaints",
         "en-US",
         2,
         3,
         {{"agent", "meridian-bank.example", false},
          {"customer", nullptr, true},
          {"complaints specialist", "meridian-bank.example", false}},
         {{0, "Meridian Bank card services, this is {0}. This call is being recorded. How can I help you "
              "today?"},
          {1, "Hi {0}. I want to make a formal complaint. I was charged twice for the same purchase and "
              "nobody has fixed it."},
          {0, "I'm sorry to hear that. Let me take some details so I can look into it."}},
         {{{1, "It was a hotel booking, four hundred and twelve dollars, charged on the third and again on "
               "the fifth."},
           {0, "I can see both transactions. The second one is marked as a duplicate, but the refund hasn't "
               "been processed."}},
          {{1, "That's what I was told two weeks ago. I've called three times already."},
           {0, "I understand, and I apologize. That isn't the service you should get."}},
          {{1, "I'd like the money back, and I'd like someone to explain why it took this long."},
           {0, "I'm logging this as a formal complaint now. Your complaint reference is C R #20917."}},
          {{0, "I'm also issuing a temporary credit for the full amount today, so you're not out of pocket "
               "while we investigate."},
           {1, "Okay. When will I see that?"},
           {0, "Within one business day. You'll get a written response to the complaint within fifteen "
               "business days."}}},
         {{{1, "Honestly, the last person I spoke to hung up on me."},
           {0, "I'm sorry, that shouldn't have happened. I'll include it in the complaint notes."},
           {1, "Thank you, I appreciate that."}},
          {{0, "Can I put you on a brief hold while I check with the disputes team?"},
           {1, "Fine, but please don't disconnect me."},
           {0, "I won't. Thank you for holding, I'm back. The disputes team confirmed the duplicate."}},
          {{1, "Will this affect my credit score?"},
           {0, "No. A disputed duplicate charge isn't reported, and no interest will be charged on it."},
           {1, "Good, that was my biggest worry."}},
          {{2, "Hello, this is {2} from the complaints team. {0} asked me to join."},
           {1, "Hi. I just want this resolved."},
           {2, "I understand. I'll own the complaint from here and call you back personally on Friday."}},
          {{1, "I was also charged a foreign transaction fee on one of them."},
           {0, "I see it. I'll refund that fee too, it was applied in error."},
           {1, "Thank you."}},
          {{0, "Could you confirm the best phone number to reach you?"},
           {1, "The mobile number on file is fine."},
           {0, "Perfect, I have it here."}},
          {{1, "Is there a way to stop this happening again?"},
           {0, "The merchant's terminal sent the charge twice. We've flagged it with them."},
           {1, "Okay, that helps."}},
          {{1, "Can I get all of this in writing?"},
           {0, "Yes. You'll get a letter and an email with the complaint reference today."},
           {1, "Thank you."}},
          {{0, "I can also add a note so that you don't have to explain this again if you call back."},
           {1, "Please do, I'm tired of repeating myself."},
           {0, "It's on your account now."}},
          {{1, "If the hotel refunds me as well, will I get the money twice?"},
           {0, "No. If the merchant refunds you, we reverse our temporary credit, so it evens out."},
           {1, "Makes sense."}},
          {{2, "Just so you know, if you're unhappy with our final answer you can also contact the "
               "Consumer Financial Protection Bureau."},
           {1, "I hope it won't come to that."},
           {2, "So do we. I'll make sure it doesn't."}},
          {{1, "My card still works for other purchases, right?"},
           {0, "Yes, nothing is blocked. The dispute only affects that one transaction."},
           {1, "Good, I'm travelling next week."}}},
         {{0, "Is there anything else I can do for you today?"},
          {1, "No. Just please make sure it's actually fixed this time."},
          {0, "I will. Thank you for your patience, and again, I'm sorry for the trouble."}},
         false,
         -1},
    };
    return all;
}

// ---------------------------------------------------------------------------
// Casting.

const QStringList kFemaleNames = {
    QStringLiteral("Priya"), QStringLiteral("Hannah"), QStringLiteral("Aoife"), QStringLiteral("Grace"),
    QStringLiteral("Sofia"), QStringLiteral("Maria"),  QStringLiteral("Chloe"), QStringLiteral("Fatima"),
    QStringLiteral("Emily"), QStringLiteral("Laura"),  QStringLiteral("Mei"),   QStringLiteral("Isla"),
};
const QStringList kMaleNames = {
    QStringLiteral("James"),  QStringLiteral("Tom"),    QStringLiteral("Arjun"), QStringLiteral("Daniel"),
    QStringLiteral("Marcus"), QStringLiteral("Oliver"), QStringLiteral("Kwame"), QStringLiteral("Ravi"),
    QStringLiteral("Lukas"),  QStringLiteral("Sean"),   QStringLiteral("Ben"),   QStringLiteral("Mateo"),
};
const QStringList kLastNames = {
    QStringLiteral("Shah"),   QStringLiteral("Okafor"),  QStringLiteral("Fraser"),
    QStringLiteral("Novak"),  QStringLiteral("Bennett"), QStringLiteral("Lindqvist"),
    QStringLiteral("Murphy"), QStringLiteral("Costa"),   QStringLiteral("Achterberg"),
    QStringLiteral("Patel"),  QStringLiteral("Wright"),  QStringLiteral("Kowalski"),
    QStringLiteral("Mensah"), QStringLiteral("Doyle"),   QStringLiteral("Hughes"),
    QStringLiteral("Tanaka"),
};

const QStringList kBritishAccents = {
    QStringLiteral("en"),
    QStringLiteral("en-gb-x-rp"),
    QStringLiteral("en-gb-scotland"),
    QStringLiteral("en-gb-x-gbclan"),
    QStringLiteral("en-gb-x-gbcwmd"),
};
const QStringList kAmericanAccents = {
    QStringLiteral("en-us"),
    QStringLiteral("en-us-nyc"),
    QStringLiteral("en-us"),
    QStringLiteral("en-029"),
};
const QStringList kFemaleVariants = {QStringLiteral("f1"), QStringLiteral("f2"), QStringLiteral("f3"),
                                     QStringLiteral("f4"), QStringLiteral("f5")};
const QStringList kMaleVariants = {QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3"),
                                   QStringLiteral("m4"), QStringLiteral("m6"), QStringLiteral("m7")};

// Fictional numbers from ranges reserved for drama (Ofcom 020 7946 0xxx,
// 07700 900xxx; NANP 555-01xx).
QString phoneNumber(bool american, bool mobile, DemoRandom& random)
{
    if (american)
        return QStringLiteral("+1202555%1").arg(random.range(100, 199), 4, 10, QLatin1Char('0'));
    if (mobile)
        return QStringLiteral("+447700900%1").arg(random.range(0, 999), 3, 10, QLatin1Char('0'));
    return QStringLiteral("+442079460%1").arg(random.range(0, 999), 3, 10, QLatin1Char('0'));
}

QString emailLocalPart(const QString& first, const QString& last)
{
    return (first + QLatin1Char('.') + last).toLower();
}

QList<DemoPerson> castPeople(const ScriptSpec& spec, int count, DemoRandom& random)
{
    const bool american = QLatin1String(spec.language) == QLatin1String("en-US");
    const bool mixedAccents = QLatin1String(spec.name) == QLatin1String("project-meeting");
    QList<DemoPerson> people;
    QStringList usedFirst, usedLast, usedVoices;
    for (int i = 0; i < count; ++i) {
        const RoleSpec& role = spec.roles.at(size_t(i));
        const bool female = random.chance(0.5);
        QString first;
        do
            first = random.pick(female ? kFemaleNames : kMaleNames);
        while (usedFirst.contains(first));
        QString last;
        do
            last = random.pick(kLastNames);
        while (usedLast.contains(last));
        usedFirst << first;
        usedLast << last;

        DemoPerson person;
        person.participant.id = QStringLiteral("p%1").arg(i + 1);
        person.participant.displayName =
            (role.doctor ? QStringLiteral("Dr. ") : QString()) + first + QLatin1Char(' ') + last;
        person.participant.role = QString::fromLatin1(role.role);
        if (role.phone)
            person.participant.phone = phoneNumber(american, i > 0, random);
        if (role.emailDomain)
            person.participant.email =
                emailLocalPart(first, last) + QLatin1Char('@') + QString::fromLatin1(role.emailDomain);

        // Distinct accent + variant per person; prosody spread so nobody sounds alike.
        QString voice;
        do {
            const QStringList& accents = mixedAccents
                                             ? (random.chance(0.5) ? kBritishAccents : kAmericanAccents)
                                             : (american ? kAmericanAccents : kBritishAccents);
            voice = random.pick(accents) + QLatin1Char('+') +
                    random.pick(female ? kFemaleVariants : kMaleVariants);
        } while (usedVoices.contains(voice));
        usedVoices << voice;
        person.voice.espeakName = voice.toLatin1();
        person.voice.rateWpm = random.range(150, 178);
        person.voice.pitch = female ? random.range(50, 72) : random.range(28, 50);
        person.voice.pitchRange = random.range(40, 75);
        people << person;
    }
    return people;
}

// ---------------------------------------------------------------------------
// Assembly.

QList<int> referencedRoles(const LineSpec& line)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{(\\d)"));
    QList<int> roles{line.speaker};
    auto it = placeholder.globalMatch(QString::fromLatin1(line.text));
    while (it.hasNext())
        roles << it.next().captured(1).toInt();
    return roles;
}

bool castCanSay(const std::vector<LineSpec>& lines, int peopleCount)
{
    for (const LineSpec& line : lines) {
        for (int role : referencedRoles(line)) {
            if (role >= peopleCount)
                return false;
        }
    }
    return true;
}

QString fillPlaceholders(QString text, const QList<DemoPerson>& people)
{
    for (int i = 0; i < people.size(); ++i) {
        QString full = people.at(i).participant.displayName;
        full.remove(QStringLiteral("Dr. "));
        const QString first = full.section(QLatin1Char(' '), 0, 0);
        text.replace(QStringLiteral("{%1full}").arg(i), full);
        text.replace(QStringLiteral("{%1}").arg(i), first);
    }
    return text;
}

// Rough speaking time of lines, to choose how much padding reaches the target length.
double estimatedSeconds(const std::vector<LineSpec>& lines)
{
    double seconds = 0;
    for (const LineSpec& line : lines) {
        const int words =
            int(QString::fromLatin1(line.text).split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
        seconds += 0.8 + words * 0.38;
    }
    return seconds;
}

DemoScreenContent screenContent(const ScriptSpec& spec, const QList<DemoPerson>& people)
{
    const QString name = QString::fromLatin1(spec.name);
    const QString customer = people.size() > 1 ? people.at(1).participant.displayName : QString();
    DemoScreenContent screen;
    if (name == QLatin1String("project-meeting")) {
        screen.windowTitle = QStringLiteral("Sprint 14 review - Harbour Outfitters");
        screen.slides = {
            {QStringLiteral("Checkout redesign: sprint 14"),
             {QStringLiteral("New payment form with inline validation"),
              QStringLiteral("Postcode address lookup"), QStringLiteral("Accessibility fixes from the audit"),
              QStringLiteral("Go-live target: 24 November")}},
            {QStringLiteral("Test results"),
             {QStringLiteral("312 automated checks, 0 failing"),
              QStringLiteral("Page load 0.8 s (was 2.9 s)"),
              QStringLiteral("Screen reader pass: all fields announced"),
              QStringLiteral("Open: hint for disabled Pay button")}},
        };
        screen.merchant = QStringLiteral("Harbour Outfitters (staging)");
        screen.amount = QStringLiteral("£59.00");
        screen.cardholder = QStringLiteral("TEST CARDHOLDER");
    } else if (name == QLatin1String("card-payment")) {
        screen.windowTitle = QStringLiteral("Brightwater CRM - Payments");
        screen.slides = {
            {QStringLiteral("Customer account 8843 2219"),
             {QStringLiteral("Name: ") + customer, QStringLiteral("Address: 14 Orchard Lane"),
              QStringLiteral("Balance due: £186.40"), QStringLiteral("Status: reminder letter sent")}},
        };
        screen.merchant = QStringLiteral("Brightwater Energy");
        screen.amount = QStringLiteral("£186.40");
        screen.cardholder = customer.toUpper();
    } else if (name == QLatin1String("clinical-consultation")) {
        screen.windowTitle = QStringLiteral("Lakeside Health - Patient chart");
        screen.slides = {
            {QStringLiteral("Lab results: ") + customer,
             {QStringLiteral("Fasting glucose: 131 mg/dL (high)"), QStringLiteral("HbA1c: 7.2 % (high)"),
              QStringLiteral("eGFR: 92 mL/min (normal)"),
              QStringLiteral("LDL cholesterol: 96 mg/dL (normal)")}},
            {QStringLiteral("Care plan"),
             {QStringLiteral("Metformin 500 mg twice daily with meals"),
              QStringLiteral("Referral: diabetes educator"), QStringLiteral("Repeat HbA1c in 3 months"),
              QStringLiteral("30 minutes of walking most days")}},
        };
        screen.merchant = QStringLiteral("Lakeside Health");
        screen.amount = QStringLiteral("$25.00");
        screen.cardholder = customer.toUpper();
    }
    return screen;
}

} // namespace

int DemoScriptLibrary::scriptCount()
{
    return int(scripts().size());
}

DemoCallScript DemoScriptLibrary::compose(quint64 seed, int callIndex)
{
    // Rotate through the scripts from a seeded start, so that any few
    // consecutive calls cover different kinds of call.
    const int firstScript = int(DemoRandom::derive(seed, QStringLiteral("first-script")) % scripts().size());
    const ScriptSpec& spec = scripts().at(size_t((firstScript + callIndex) % scriptCount()));
    DemoRandom random(DemoRandom::derive(seed, QStringLiteral("script/%1").arg(callIndex)));

    DemoCallScript call;
    call.scriptName = QString::fromLatin1(spec.name);
    call.source = QString::fromLatin1(spec.source);
    call.direction = spec.direction;
    call.title = QString::fromLatin1(spec.title);
    call.language = QString::fromLatin1(spec.language);
    call.participantVideo = spec.participantVideo;
    call.presenter = spec.presenter;
    const int peopleCount = random.range(spec.minPeople, spec.maxPeople);
    call.people = castPeople(spec, peopleCount, random);
    if (call.presenter >= 0)
        call.screen = screenContent(spec, call.people);

    // Target length 1-4 minutes: pad between beats with optional exchanges.
    const double targetSeconds = random.uniform(60.0, 230.0);
    std::vector<Beat> beats = spec.body;
    std::vector<Beat> padding;
    for (const Beat& beat : spec.padding) {
        if (castCanSay(beat, peopleCount))
            padding.push_back(beat);
    }
    for (size_t i = padding.size(); i > 1; --i)
        std::swap(padding[i - 1], padding[size_t(random.range(0, int(i) - 1))]);
    double seconds = estimatedSeconds(spec.opening) + estimatedSeconds(spec.closing);
    for (const Beat& beat : beats)
        seconds += estimatedSeconds(beat);
    for (const Beat& beat : padding) {
        const double beatSeconds = estimatedSeconds(beat);
        if (seconds + beatSeconds > targetSeconds)
            break;
        beats.insert(beats.begin() + random.range(0, int(beats.size())), beat);
        seconds += beatSeconds;
    }

    auto append = [&](const std::vector<LineSpec>& lines) {
        for (const LineSpec& line : lines) {
            if (line.speaker < peopleCount)
                call.lines.append(
                    {line.speaker, fillPlaceholders(QString::fromLatin1(line.text), call.people), line.card});
        }
    };
    append(spec.opening);
    for (const Beat& beat : beats)
        append(beat);
    append(spec.closing);
    return call;
}

} // namespace holdfast::capture
