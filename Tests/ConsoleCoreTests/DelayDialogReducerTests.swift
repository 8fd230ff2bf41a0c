import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// The delay dialog (`l` on the board): the new time is checked before the note is asked for, and a note
/// is never lost to a refusal. `fixedNow` is 14:05 in Shanghai.
@Suite struct DelayDialogReducerTests {
    private func onBoard(_ rows: [BoardRow]) -> AppState {
        var s = freshState(.en)
        _ = reduce(&s, .keyPressed(.function(5)))
        _ = reduce(&s, .workshop(.boardLoaded(boardPage(rows), focusID: nil)))
        _ = reduce(&s, .workshop(.shopHoursLoaded(ShopHours(openMinute: 8 * 60 + 30, closeMinute: 18 * 60))))
        return s
    }

    private func type(_ s: inout AppState, _ text: String) { for c in text { _ = send(&s, .character(c)) } }

    @Test func aTimeBeforeTheOldPromiseIsRefusedBeforeTheNote() {
        var s = onBoard([boardRow(1, promisedIn: 120)])  // promised 16:05
        _ = send(&s, .character("l"))
        type(&s, "15:00")
        #expect(send(&s, .enter) == [])
        #expect(s.status?.kind == .error)
        #expect(s.status?.message.en == "The new promised time must be later than the old promise, 11-22 16:05")
        // Still on the time, with what was typed.
        #expect(s.workshop.prompt?.title == WorkshopStrings.delayTime && s.workshop.prompt?.input.text == "15:00")
    }

    @Test func aTimeOfDayThatHasPassedOrFallsAfterClosingIsRefused() {
        var s = onBoard([boardRow(1, promisedIn: -30)])
        _ = send(&s, .character("l"))
        type(&s, "07:00")
        _ = send(&s, .enter)
        #expect(s.status?.message.en == "The promised time 07:00 has already passed (it is 14:05): type a later time, or 11-23 07:00 for the next day")
        for _ in 0..<5 { _ = send(&s, .backspace) }
        type(&s, "19:30")
        _ = send(&s, .enter)
        #expect(s.status?.message.en.hasPrefix("The shop is open 08:30–18:00") == true)
        #expect(s.workshop.prompt?.title == WorkshopStrings.delayTime)
    }

    @Test func aRefusedDelayBringsBackTheTimeAndTheNote() {
        var s = onBoard([boardRow(1, promisedIn: -10)])
        _ = send(&s, .character("l"))
        type(&s, "17:30")
        _ = send(&s, .enter)
        #expect(s.workshop.prompt?.title == WorkshopStrings.delayNote)
        type(&s, "客户同意，17:30 来取")
        let promised = fixedNow.addingTimeInterval(3 * 3600 + 25 * 60)
        #expect(send(&s, .enter) == [.workshop(.notifyDelay(roID: 1, version: 3, newPromisedAt: promised, note: "客户同意，17:30 来取"))])
        // Another desk changed the order meanwhile: the store refuses; the dialog comes back, nothing retyped.
        _ = reduce(&s, .workshop(.changeFailed(Message(zh: "已被他人修改", en: "changed by 郑建国, reload"))))
        #expect(s.workshop.prompt?.input.text == "17:30")
        var reloaded = boardRow(1, promisedIn: -10)
        reloaded.version = 4
        _ = reduce(&s, .workshop(.boardLoaded(boardPage([reloaded]), focusID: 1)))
        _ = send(&s, .enter)
        #expect(s.workshop.prompt?.input.text == "客户同意，17:30 来取")
        // Sent again against the order as it is now.
        #expect(send(&s, .enter) == [.workshop(.notifyDelay(roID: 1, version: 4, newPromisedAt: promised, note: "客户同意，17:30 来取"))])
        _ = reduce(&s, .workshop(.changeSaved(Message(zh: "已记录", en: "saved"))))
        #expect(s.workshop.prompt == nil && s.workshop.pendingDelay == nil)
    }
}
