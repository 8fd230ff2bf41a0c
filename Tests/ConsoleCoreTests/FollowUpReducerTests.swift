import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!

private func callbackRow(id: RowID = 7, version: Int = 3) -> CallbackRow {
    CallbackRow(callback: Callback(id: id, repairOrderID: 70, dueAt: now.addingTimeInterval(-3600), version: version),
                roNumber: "RO-20261121-0007", customerID: 1, customerName: "王芳", phone: "13812345678", plate: "粤A12345",
                model: "迈腾", advisorID: 1, advisorName: "李娜", workDone: "保养", technicians: "", preferredCallTime: "",
                deliveredAt: nil)
}

private func state() -> AppState {
    var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
    #expect(reduce(&s, .keyPressed(.function(7))) == [.followUp(.load)])
    _ = reduce(&s, .followUp(.loaded(FollowUpSnapshot(queue: [callbackRow()], tasks: [], complaints: [], settings: FollowUpSettings(),
                                                      complaintSettings: ComplaintSettings(), staff: []))))
    return s
}

private func typeText(_ s: inout AppState, _ text: String) {
    for c in text { _ = reduce(&s, .keyPressed(.character(c))) }
}

@Suite struct FollowUpReducerTests {
    @Test func mMarksTheChosenMessageOrLetterSent() {
        var s = state()
        #expect(reduce(&s, .keyPressed(.character("m"))) == [])
        #expect(s.followUp.picker == nil && s.status?.message == FollowUpStrings.noMessagesOwed)
        var owed = callbackRow(id: 9, version: 5)
        owed.callback.status = .unreachable
        _ = reduce(&s, .followUp(.loaded(FollowUpSnapshot(queue: [callbackRow()], tasks: [callbackRow(id: 8), owed],
                                                          complaints: [], settings: FollowUpSettings(),
                                                          complaintSettings: ComplaintSettings(), staff: []))))
        #expect(reduce(&s, .keyPressed(.character("m"))) == [])
        // The list shows the masked number; the choice carries the callback's id and version.
        #expect(s.followUp.picker?.options.map { $0.label.en }
                == ["王芳  138****5678  粤A·12345  RO-20261121-0007", "王芳  138****5678  粤A·12345  RO-20261121-0007"])
        _ = reduce(&s, .keyPressed(.down))
        #expect(reduce(&s, .keyPressed(.enter)) == [.followUp(.markMessageSent(callbackID: 9, version: 5))])
        #expect(s.followUp.picker == nil)
        #expect(reduce(&s, .followUp(.saved(FollowUpStrings.messageSentSaved))) == [.followUp(.load)])
    }

    @Test func noAnswerIsOneKey() {
        var s = state()
        assertReduce(&s, .keyPressed(.character("n")),
                     effects: [.followUp(.recordOutcome(callbackID: 7, version: 3, outcome: .noAnswer, callBackAt: nil))]) {
            $0.followUp.keepRowOnReload = true   // the cursor stays on the row the call was recorded on
        }
        #expect(reduce(&s, .keyPressed(.enter)) == [])
        #expect(s.followUp.picker?.options.count == 6)
        assertReduce(&s, .keyPressed(.down)) { $0.followUp.picker?.selected = 1 }
        #expect(reduce(&s, .keyPressed(.enter))
                == [.followUp(.recordOutcome(callbackID: 7, version: 3, outcome: .noAnswer, callBackAt: nil))])
        #expect(s.followUp.picker == nil)
    }

    @Test func aCallBackTimeInThePastIsRefusedAndKept() {
        var s = state()
        _ = reduce(&s, .keyPressed(.character("l")))
        #expect(s.isTyping)
        typeText(&s, "13:00")
        #expect(reduce(&s, .keyPressed(.enter)) == [])
        #expect(s.status?.kind == .error && s.status?.message == FollowUpError.callBackInPast.message)
        #expect(s.followUp.prompt?.input.text == "13:00")
        for _ in 0..<5 { _ = reduce(&s, .keyPressed(.backspace)) }
        typeText(&s, "18:30")
        let expected = now.addingTimeInterval(4 * 3600 + 25 * 60)
        #expect(reduce(&s, .keyPressed(.enter))
                == [.followUp(.recordOutcome(callbackID: 7, version: 3, outcome: .callBackLater, callBackAt: expected))])
    }

    @Test func theSurveyAsksEachQuestionAndRefusesABadScore() {
        var s = state()
        _ = reduce(&s, .keyPressed(.character("r")))
        #expect(s.followUp.survey?.questions.count == 6)
        for answer in ["y", "y", "n"] {
            typeText(&s, answer)
            _ = reduce(&s, .keyPressed(.enter))
        }
        typeText(&s, "11")
        #expect(reduce(&s, .keyPressed(.enter)) == [])
        #expect(s.followUp.survey?.index == 3)
        #expect(s.status?.kind == .error)
        #expect(s.hasUnsavedInput)
        _ = reduce(&s, .keyPressed(.backspace))
        _ = reduce(&s, .keyPressed(.backspace))
        typeText(&s, "3")
        _ = reduce(&s, .keyPressed(.enter))
        typeText(&s, "还是响")
        _ = reduce(&s, .keyPressed(.enter))
        typeText(&s, "maybe")
        #expect(reduce(&s, .keyPressed(.enter)) == [])   // yes or no only
        _ = reduce(&s, .keyPressed(.backspace))
        for _ in 0..<5 { _ = reduce(&s, .keyPressed(.backspace)) }
        typeText(&s, "n")
        let effects = reduce(&s, .keyPressed(.enter))
        #expect(effects == [.followUp(.completeCallback(callbackID: 7, version: 3, answers: [
            SurveyQuestion.readyOnTime: "yes", SurveyQuestion.explained: "yes", SurveyQuestion.problemFixed: "no",
            SurveyQuestion.satisfaction: "3", SurveyQuestion.comments: "还是响", SurveyQuestion.wantsComplaint: "no"]))])
        #expect(s.followUp.survey == nil)
    }

    @Test func aComplaintFromTheCustomerCard() {
        var s = AppState(language: .en, shopName: "Shop", operatorName: "李娜", now: now, timeZone: zone)
        #expect(complaintFromCard(&s, customerID: 42) == [.followUp(.load)])
        #expect(s.panel == .followUp && s.followUp.tab == .complaints)
        _ = reduce(&s, .keyPressed(.down))          // walk-in
        _ = reduce(&s, .keyPressed(.enter))
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.down))          // price or bill
        _ = reduce(&s, .keyPressed(.enter))
        #expect(reduce(&s, .keyPressed(.enter)) == [])   // an empty description is refused
        typeText(&s, "bill higher than the estimate")
        #expect(reduce(&s, .keyPressed(.enter)) == [.followUp(.openComplaint(customerID: 42, vehicleID: nil, channel: .walkIn, category: .priceOrBill,
                                                                               description: "bill higher than the estimate"))])
    }

    @Test func closingAskForConfirmationOrAReason() {
        var s = state()
        let complaint = Complaint(id: 5, customerID: 1, repairOrderID: 70, category: .parts, channel: .phone, step: .replied,
                                  description: "x", ownerID: 1, openedAt: now, firstContactAt: now, version: 4)
        let row = ComplaintRow(complaint: complaint, customerName: "王芳", phone: "13812345678", plate: "粤A12345", roNumber: "RO",
                               ownerName: "李娜")
        _ = reduce(&s, .keyPressed(.character("v")))
        _ = reduce(&s, .followUp(.complaintLoaded(ComplaintDetail(row: row, history: []))))
        _ = reduce(&s, .keyPressed(.character("a")))
        #expect(s.followUp.picker?.options.count == 3)   // close, escalate, back to handling
        _ = reduce(&s, .keyPressed(.enter))
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(reduce(&s, .keyPressed(.enter)) == [])
        #expect(s.status?.message == ComplaintError.closeNeedsConfirmation.message)
        typeText(&s, "customer moved abroad")
        #expect(reduce(&s, .keyPressed(.enter)) == [.followUp(.advanceComplaint(id: 5, version: 4, step: .closed, note: "customer moved abroad",
                                                                                  closing: .reason("customer moved abroad"), category: nil))])
        _ = reduce(&s, .keyPressed(.character("a")))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(reduce(&s, .keyPressed(.character("y"))) == [.followUp(.advanceComplaint(id: 5, version: 4, step: .closed, note: "",
                                                                                           closing: .customerConfirmed, category: nil))])
    }
}
