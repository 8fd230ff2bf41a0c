import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// A walk-in new customer's check-in form, focus on the name.
private func walkInForm() -> AppState {
    var s = freshState()
    send(&s, .function(3))
    _ = reduce(&s, .reception(.checkInLoaded(nil, appointment: nil, arrivedAt: fixedNow, hours: receptionHours, carry: nil)))
    return s
}

@Suite struct PhoneFieldTests {
    @Test func aRefusedTabKeepsTheFocusAndLettersTypedNextAreRefusedAtTheKey() throws {
        var s = walkInForm()
        _ = type(&s, "王芳")
        send(&s, .tab)
        _ = type(&s, "1381234567")   // ten digits: one short
        send(&s, .tab)
        #expect(s.reception.form?.focus == .phone)
        #expect(s.status?.kind == .error)
        // The clerk did not see the refusal and types the plate: the letters are refused, not appended.
        _ = type(&s, "粤A")
        let form = try #require(s.reception.form)
        #expect(form.focus == .phone)
        #expect(form.text(.phone) == "1381234567")
        #expect(form.text(.plate).isEmpty)
        #expect(s.status == StatusLine(ReceptionStrings.phoneDigitsOnly(.phone), kind: .error))
        // The missing digit lands where the clerk is: in the phone.
        _ = type(&s, "8")
        #expect(s.reception.form?.text(.phone) == "13812345678")
        send(&s, .tab)
        #expect(s.reception.form?.focus == .plate)
    }

    @Test func theContactPhoneAcceptsSeparatorsAndRefusesLetters() {
        var s = receptionWithForm()
        s.reception.form?.focus(on: .contactPhone)
        _ = send(&s, .ctrl("u"))
        _ = type(&s, "+86 138-1234x")
        #expect(s.status?.kind == .error)
        _ = type(&s, "5678")
        #expect(s.reception.form?.text(.contactPhone) == "+86 138-12345678")
    }

    @Test func bookingANewCustomerRefusesLettersInThePhoneToo() {
        #expect(NewCustomerEntry.refusal(of: .character("A"), in: .phone) != nil)
        #expect(NewCustomerEntry.refusal(of: .character("１"), in: .phone) == nil)   // full-width digit from an IME
        #expect(NewCustomerEntry.refusal(of: .character("A"), in: .plate) == nil)
        #expect(NewCustomerEntry.refusal(of: .backspace, in: .phone) == nil)
    }
}

@Suite struct PrefilledFieldTests {
    /// Wang Fang's form with the mileage and concern given, so Tab moves on.
    private func formPastMileage() -> AppState {
        var s = receptionWithForm()
        _ = type(&s, "23500")
        send(&s, .tab)
        _ = type(&s, "异响")
        return s
    }

    @Test func typingIntoAPrefilledFieldReplacesTheSuggestion() throws {
        var s = formPastMileage()
        // concern → labour → parts → hours (prefilled "2")
        for _ in 0..<3 { send(&s, .tab) }
        #expect(s.reception.form?.focus == .hours)
        #expect(s.reception.form?.texts[.hours]?.isAllSelected == true)
        _ = type(&s, "3")
        #expect(s.reception.form?.text(.hours) == "3")
    }

    @Test func aMovementKeyKeepsTheSuggestionToEditIt() {
        var s = formPastMileage()
        for _ in 0..<3 { send(&s, .tab) }
        send(&s, .end)
        _ = type(&s, ".5")
        #expect(s.reception.form?.text(.hours) == "2.5")
        send(&s, .tab)   // → promised, prefilled
        send(&s, .home)
        send(&s, .delete)
        #expect(s.reception.form?.text(.promised).hasPrefix("1-22") == true)
    }

    @Test func backspaceOnASelectedSuggestionEmptiesTheField() {
        var s = receptionWithForm()
        s.reception.form?.focus(on: .callbackTime)
        send(&s, .backspace)
        #expect(s.reception.form?.text(.callbackTime) == "")
    }

    @Test func theHelpSaysTypingReplacesAHighlightedValue() {
        var s = receptionWithForm()
        send(&s, .function(1))
        #expect(KeyMap.helpLines(for: s).contains { $0.label == ReceptionStrings.keyEditSuggestion.zh })
    }
}

@Suite struct StatusLineLifetimeTests {
    @Test func theNextKeyClearsTheMessage() {
        var s = freshState()
        _ = reduce(&s, .notice(StatusLine(Message(zh: "备份完成", en: "Backup done"), kind: .ok)))
        send(&s, .down)
        #expect(s.status == nil)
    }

    @Test func aMessageSetByTheKeyItselfStays() {
        var s = receptionWithForm()
        send(&s, .tab)   // empty mileage refused
        #expect(s.status?.kind == .error)
    }

    @Test func aMessageExpiresAfterItsLifetimeUnlessItWasSaidAgain() {
        var s = freshState()
        var timer = StatusTimer()
        func expired(after seconds: TimeInterval) -> Action? { timer.expired(s, now: fixedNow.addingTimeInterval(seconds)) }
        _ = reduce(&s, .notice(StatusLine(Message(zh: "备份完成", en: "Backup done"), kind: .ok)))
        var e = expired(after: 0)
        #expect(e == nil)
        e = expired(after: 4)
        #expect(e == nil)
        // Said again (a new revision): its time starts afresh.
        _ = reduce(&s, .notice(StatusLine(Message(zh: "备份完成", en: "Backup done"), kind: .ok)))
        e = expired(after: 6)
        #expect(e == nil)
        e = expired(after: 10)
        #expect(e == nil)
        e = expired(after: 11.5)
        #expect(e == .statusExpired(revision: s.statusRevision))
        if let e { _ = reduce(&s, e) }
        #expect(s.status == nil)
    }

    @Test func anExpiryForAnOlderMessageLeavesTheNewOne() {
        var s = freshState()
        _ = reduce(&s, .notice(StatusLine(Message(zh: "一", en: "one"))))
        let old = s.statusRevision
        _ = reduce(&s, .notice(StatusLine(Message(zh: "二", en: "two"), kind: .error)))
        _ = reduce(&s, .statusExpired(revision: old))
        #expect(s.status?.message.en == "two")
    }

    @Test func errorsStayLongerThanNews() {
        #expect(StatusLine(Message(zh: "", en: ""), kind: .error).lifetime > StatusLine(Message(zh: "", en: ""), kind: .info).lifetime)
    }
}

@Suite struct HelpInFormTests {
    @Test func theOverlayInAFormShowsTheFormsKeysNotPanelKeys() {
        var s = receptionWithForm()
        send(&s, .function(1))
        #expect(s.overlay == .help)
        let lines = KeyMap.helpLines(for: s)
        #expect(!lines.contains { $0.label == Strings.keyNextPanel.zh })
        #expect(!lines.contains { $0.keys.split(separator: "/").contains("q") })
        #expect(lines.contains { $0.keys == "Ctrl-Q/Ctrl-C/F10" })
        #expect(lines.contains { $0.label == ReceptionStrings.keyNextField.zh && $0.keys.contains("Tab") })
        #expect(!lines.contains { $0.label == Strings.keyMove.zh })   // ↑/↓ move between fields here
    }

    @Test func theHelpBarUnderTheOverlayDoesNotOfferLettersThatAreTyped() {
        var s = receptionWithForm()
        send(&s, .function(1))
        #expect(!KeyMap.helpBar(for: s).contains { $0.keys.split(separator: "/").contains("q") })
    }

    @Test func outsideAFormTabStillSwitchesPanels() {
        var s = freshState()
        s.find.card = nil
        send(&s, .function(5))
        send(&s, .function(1))
        #expect(KeyMap.helpLines(for: s).contains { $0.label == Strings.keyNextPanel.zh })
    }
}

@Suite struct PluralTests {
    @Test func englishCountsAgreeWithTheirNumber() {
        #expect(Strings.findResultCount(1).en == "1 result")
        #expect(Strings.findResultCount(2).en == "2 results")
        #expect(Strings.findResultCount(0).en == "0 results")
        #expect(Strings.overdueComplaints(1).en == "1 overdue complaint")
        #expect(Strings.overdueComplaints(3).en == "3 overdue complaints")
        #expect(Strings.findResultCount(1).zh == "1 条结果")
    }
}

@Suite struct OdometerReasonFormTests {
    @Test func aReadingBelowTheLastAsksForTheReasonAndTheDraftCarriesIt() throws {
        var s = receptionWithForm()   // last reading 23,000 km
        #expect(s.reception.form?.fields.contains(.odometerReason) == false)
        _ = type(&s, "1200")
        #expect(s.reception.form?.fields.contains(.odometerReason) == true)
        send(&s, .tab)
        #expect(s.reception.form?.focus == .odometerReason)
        #expect(s.status == StatusLine(ReceptionStrings.belowLastReading(23_000), kind: .warning))
        _ = type(&s, "更换仪表")
        send(&s, .tab)
        #expect(s.reception.form?.focus == .concern)
        _ = type(&s, "异响")
        let effects = send(&s, .ctrl("s"))
        guard case .reception(.saveCheckIn(let draft)) = try #require(effects.first) else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(draft.order.mileageIn == 1_200 && draft.odometerReason == "更换仪表")
    }

    @Test func withoutTheReasonSaveFocusesIt() {
        var s = receptionWithForm()
        _ = type(&s, "1200")
        send(&s, .tab, .tab)   // the reason is refused empty
        #expect(s.reception.form?.focus == .odometerReason)
        s.reception.form?.focus(on: .mileage)
        #expect(send(&s, .ctrl("s")).isEmpty)
        #expect(s.reception.form?.focus == .odometerReason)
        #expect(s.status?.kind == .error)
    }

    @Test func aCorrectedReadingDropsTheReason() throws {
        var s = receptionWithForm()
        _ = type(&s, "1200")
        send(&s, .tab)
        _ = type(&s, "录错")
        send(&s, .backTab)
        send(&s, .ctrl("u"))
        _ = type(&s, "23500")
        #expect(s.reception.form?.fields.contains(.odometerReason) == false)
        send(&s, .tab)
        _ = type(&s, "异响")
        let effects = send(&s, .ctrl("s"))
        guard case .reception(.saveCheckIn(let draft)) = try #require(effects.first) else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(draft.odometerReason.isEmpty)
    }
}

@Suite struct BookingPrefilledFieldTests {
    @Test func aPlateCarriedFromTheBookingSearchIsReplacedByTyping() throws {
        var s = freshState()
        send(&s, .function(4))
        let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(fixedNow, shanghai), shanghai)
        _ = reduce(&s, .reception(.dayLoaded(day: tomorrow, rows: [], hours: receptionHours, noShow: NoShowStats())))
        send(&s, .down)
        send(&s, .enter)
        guard s.reception.appointments.booking != nil else {
            Issue.record("no booking form opened")
            return
        }
        _ = type(&s, "粤A99999")
        send(&s, .ctrl("n"))
        _ = type(&s, "王芳")
        send(&s, .tab)
        _ = type(&s, "13812345678")
        send(&s, .tab)   // → plate, carried from the search and selected
        _ = type(&s, "粤A88888")
        #expect(s.reception.appointments.booking?.newCustomer?.text(.plate) == "粤A88888")
    }
}

@Suite struct WarrantyCounterPluralTests {
    @Test func oneDayInTheWorkshopIsOneDay() {
        let start = fixedNow.addingTimeInterval(-3 * 86_400)
        let repair = VehicleRepair(openedAt: start, closedAt: start.addingTimeInterval(3600), mileage: 1_000, isRepair: true,
                                   categories: [.brakes])
        let counters = WarrantyCounters.compute([repair], warrantyEnd: nil, warrantyEndKm: nil, now: fixedNow)
        #expect(counters.daysInWorkshop == 1)
        #expect(InsightsStrings.counters(counters, .en).contains("1 day in workshop"))
    }
}
