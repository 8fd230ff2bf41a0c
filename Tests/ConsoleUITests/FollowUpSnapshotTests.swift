import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)

private func row(_ i: Int, dueHours: Double, nextTry: Double? = nil, kind: CallbackKind = .afterDelivery) -> CallbackRow {
    let names = ["王芳", "欧阳建华", "李强", "张伟"]
    let plates = ["粤A12345", "粤AD12345", "粤B8K2F7", "湘A1234学"]
    let work = ["更换前刹车片", "两万公里保养", "空调不制冷，更换冷凝器", "左前门钣喷"]
    return CallbackRow(callback: Callback(id: RowID(i), repairOrderID: RowID(100 + i), kind: kind,
                                          dueAt: now.addingTimeInterval(dueHours * 3600), attempts: nextTry == nil ? 0 : 1,
                                          nextTryAt: nextTry.map { now.addingTimeInterval($0 * 3600) }, version: 1),
                       roNumber: "RO-20261121-000\(i)", customerID: RowID(i), customerName: names[i % 4],
                       phone: "1381234567\(i)", plate: plates[i % 4], model: "迈腾 330TSI", advisorID: 1, advisorName: "李娜",
                       workDone: work[i % 4], technicians: i % 2 == 0 ? "刘德明" : "", preferredCallTime: i == 1 ? "下午3点后" : "",
                       deliveredAt: now.addingTimeInterval((dueHours - 24) * 3600))
}

private func complaintRow(id: RowID, step: ComplaintStep, openedHoursAgo: Double, firstContact: Bool) -> ComplaintRow {
    let opened = now.addingTimeInterval(-openedHoursAgo * 3600)
    return ComplaintRow(complaint: Complaint(id: id, customerID: 1, repairOrderID: 101, category: .repairQuality, channel: .callback,
                                             step: step, description: "刹车还是响，希望免费检查", ownerID: 1, openedAt: opened,
                                             firstContactAt: firstContact ? opened : nil, version: 1),
                        customerName: "欧阳建华", phone: "13812345671", plate: "粤AD12345", roNumber: "RO-20261121-0001",
                        ownerName: "李娜")
}

private func panel(language: Language = .zhHans) -> AppState {
    var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "李娜", now: now, timeZone: zone)
    _ = reduce(&s, .keyPressed(.function(7)))
    let snapshot = FollowUpSnapshot(
        queue: [row(1, dueHours: -20), row(2, dueHours: -1), row(3, dueHours: 3), row(0, dueHours: 30, kind: .complaintConfirmation),
                row(4, dueHours: -5, nextTry: 1.5)],
        tasks: [row(5, dueHours: -130)],
        complaints: [complaintRow(id: 1, step: .registered, openedHoursAgo: 30, firstContact: false),
                     complaintRow(id: 2, step: .handling, openedHoursAgo: 5, firstContact: true)],
        settings: FollowUpSettings(), complaintSettings: ComplaintSettings(),
        staff: [StaffChoice(id: 1, name: "李娜", skillLevel: 0), StaffChoice(id: 2, name: "周建华", skillLevel: 0)])
    _ = reduce(&s, .followUp(.loaded(snapshot)))
    return s
}

@Suite struct FollowUpSnapshotTests {
    @Test func keysOfFollowUp() {
        var s = panel()
        assertHelp(s, panel: .followUp, mode: "list-callbacks")
        _ = reduce(&s, .keyPressed(.enter))
        assertHelp(s, panel: .followUp, mode: "dialog-picker")
        _ = reduce(&s, .keyPressed(.character("r")))
        assertHelp(s, panel: .followUp, mode: "dialog-survey")
        _ = reduce(&s, .keyPressed(.escape))
        _ = reduce(&s, .keyPressed(.character("v")))
        assertHelp(s, panel: .followUp, mode: "list-complaints")
        _ = reduce(&s, .followUp(.complaintLoaded(ComplaintDetail(row: s.followUp.complaints[0], history: []))))
        assertHelp(s, panel: .followUp, mode: "card-complaint")
        _ = reduce(&s, .keyPressed(.character("a")))
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(s.followUp.prompt != nil)
        assertHelp(s, panel: .followUp, mode: "dialog-prompt")
    }

    @Test func theCallbackQueue() {
        let s = panel()
        assertSnapshot(ConsoleView.render(s, size: small), named: "followup-queue-80x24")
        assertSnapshot(ConsoleView.render(s, size: large), named: "followup-queue-120x40")
        assertSnapshot(ConsoleView.render(panel(language: .en), size: small), named: "followup-queue-en-80x24")
    }

    /// The view builds only the rows on screen: the window must follow the selection through a long queue.
    @Test func aLongQueueShowsTheRowsAroundTheSelection() {
        var s = panel()
        let queue = (0..<300).map { i -> CallbackRow in
            var r = row(i % 4, dueHours: Double(i) - 100)
            r.callback.id = RowID(1_000 + i)
            r.phone = "139" + String(format: "%08d", i)
            return r
        }
        _ = reduce(&s, .followUp(.loaded(FollowUpSnapshot(queue: queue, tasks: [], complaints: [], settings: FollowUpSettings(),
                                                          complaintSettings: ComplaintSettings(), staff: []))))
        func shown(_ i: Int, _ s: AppState) -> Bool {
            ConsoleView.render(s, size: large).textLines.contains { $0.contains(queue[i].phone) }
        }
        #expect(shown(0, s) && !shown(299, s))
        _ = reduce(&s, .keyPressed(.end))
        #expect(s.followUp.selectedCallback == 299)
        #expect(shown(299, s) && !shown(0, s))
        for _ in 0..<3 { _ = reduce(&s, .keyPressed(.pageUp)) }
        let selected = s.followUp.selectedCallback
        #expect(selected < 299 && selected > 0)
        #expect(shown(selected, s))
        _ = reduce(&s, .keyPressed(.home))
        #expect(shown(0, s) && !shown(selected, s))
    }

    @Test func theOutcomePickerAndTheSurvey() {
        var s = panel(language: .en)
        _ = reduce(&s, .keyPressed(.enter))
        assertSnapshot(ConsoleView.render(s, size: small), named: "followup-outcome-en-80x24")
        _ = reduce(&s, .keyPressed(.character("r")))
        for key in ["y", "n"] {
            _ = reduce(&s, .keyPressed(.character(Character(key))))
            _ = reduce(&s, .keyPressed(.enter))
        }
        _ = reduce(&s, .keyPressed(.character("y")))
        _ = reduce(&s, .keyPressed(.enter))
        _ = reduce(&s, .keyPressed(.character("0")))
        _ = reduce(&s, .keyPressed(.enter))
        assertSnapshot(ConsoleView.render(s, size: large), named: "followup-survey-bad-score-en-120x40")
    }

    @Test func anOverdueComplaintOpened() {
        var s = panel()
        _ = reduce(&s, .keyPressed(.character("v")))
        let history = [ComplaintStepRecord(at: now.addingTimeInterval(-30 * 3600), step: .acknowledged, operatorName: "李娜", note: ""),
                       ComplaintStepRecord(at: now.addingTimeInterval(-29 * 3600), step: .registered, operatorName: "李娜", note: "维修质量")]
        _ = reduce(&s, .followUp(.complaintLoaded(ComplaintDetail(row: s.followUp.complaints[0], history: history))))
        assertSnapshot(ConsoleView.render(s, size: large), named: "complaint-detail-120x40")
        assertSnapshot(ConsoleView.render(s, size: small), named: "complaint-detail-80x24")
        #expect(FollowUpFeature.overdueComplaintCount(s) == 1)
    }
}
