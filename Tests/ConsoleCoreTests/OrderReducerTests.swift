import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

/// The check-in form's estimate line and advisor, and the board's keys for lines, advisors and the inspector.
@Suite struct CheckInOrderReducerTests {
    @Test func theEstimateTypedIsTheDraftsFirstLine() throws {
        var s = receptionWithForm()
        _ = type(&s, "23500")
        send(&s, .tab)
        _ = type(&s, "刹车异响")
        send(&s, .tab)
        _ = type(&s, "380")
        send(&s, .tab)
        _ = type(&s, "120.5")
        let form = try #require(s.reception.form)
        let draft = try form.draft(now: fixedNow, timeZone: s.timeZone, shopName: "店")
        let line = try #require(draft.jobs.first)
        #expect(draft.jobs.count == 1)
        #expect(line.description == "刹车异响" && line.labour == Fen(38_000) && line.parts == Fen(12_050))
        let hours = try LabourHoursInput.minutes(form.text(.hours))
        #expect(line.labourHours == Double(hours) / 60 && line.labourHours > 0)
        // The operator is an advisor here (nothing offered): the store records them.
        #expect(!form.fields.contains(.advisor) && draft.order.advisorID == nil)
    }

    @Test func aClerkChoosesTheAdvisorTheUsualOneFirst() throws {
        var s = receptionWithForm()
        let advisors = [StaffChoice(id: 2, name: "李娜", skillLevel: 0), StaffChoice(id: 3, name: "郑建国", skillLevel: 0)]
        _ = reduce(&s, .reception(.advisorsOffered(advisors, defaultID: 3)))
        var form = try #require(s.reception.form)
        #expect(form.fields.last == .advisor && form.advisorID == 3 && form.advisorName == "郑建国")
        // On the advisor field, → changes it (wrapping round).
        s.reception.form?.focus = .advisor
        send(&s, .right)
        form = try #require(s.reception.form)
        #expect(form.advisorID == 2)
        s.reception.form?.texts[.mileage] = TextInputState(text: "23500")
        s.reception.form?.texts[.concern] = TextInputState(text: "保养")
        let draft = try #require(s.reception.form).draft(now: fixedNow, timeZone: s.timeZone, shopName: "店")
        #expect(draft.order.advisorID == 2)
    }

}

@Suite struct BoardOrderReducerTests {
    private func withDetail() -> AppState {
        var s = freshState(.en)
        _ = reduce(&s, .keyPressed(.function(5)))
        _ = reduce(&s, .workshop(.boardLoaded(boardPage([boardRow(1, stage: .qualityCheck)]), focusID: nil)))
        _ = reduce(&s, .workshop(.staffLoaded(advisors: [StaffChoice(id: 2, name: "李娜", skillLevel: 0),
                                                         StaffChoice(id: 4, name: "郑建国", skillLevel: 0)],
                                              technicians: [])))
        _ = send(&s, .enter)
        let order = RepairOrder(id: 1, number: "RO-20261122-0001", customerID: 1, vehicleID: 1, advisorID: 2,
                                serviceType: .repair, repairClass: .minorRepair, stage: .qualityCheck, openedAt: fixedNow,
                                promisedAt: fixedNow.addingTimeInterval(7200), mileageIn: 1, contactPhone: "", version: 5)
        let jobs = [Job(id: 10, repairOrderID: 1, description: "刹车检修", technicianID: 5, labour: .yuan(380),
                        parts: .yuan(120), labourHours: 1.5)]
        _ = reduce(&s, .workshop(.detailLoaded(RODetail(order: order, jobs: jobs, technicianNames: [5: "刘德明"],
                                                         history: [], checks: [], delays: [], qcPassed: false,
                                                         heldFrom: nil))))
        return s
    }

    @Test func eEditsTheSelectedLinePrefilledAndVersionChecked() {
        var s = withDetail()
        _ = send(&s, .character("e"))
        #expect(s.workshop.prompt?.purpose == .editLine(jobID: 10, orderVersion: 5))
        #expect(s.workshop.prompt?.input.text == "380 120 1.5")
        // A bad amount keeps the prompt and what was typed.
        for _ in 0..<3 { _ = send(&s, .backspace) }
        _ = send(&s, .character("x"))
        #expect(send(&s, .enter).isEmpty && s.workshop.prompt != nil && s.status?.kind == .error)
        _ = send(&s, .backspace, .character("2"))
        #expect(send(&s, .enter) == [.workshop(.editLine(jobID: 10, orderVersion: 5, labour: .yuan(380),
                                                         parts: .yuan(120), hours: 2))])
    }

    @Test func vReassignsTheAdvisor() {
        var s = withDetail()
        _ = send(&s, .character("v"))
        #expect(s.workshop.picker?.purpose == .advisor(roID: 1, version: 5))
        #expect(s.workshop.picker?.selected == 0)
        #expect(send(&s, .down, .enter) == [.workshop(.reassignAdvisor(roID: 1, version: 5, advisorID: 4))])
    }

    @Test func theInspectorIsPickedAfterTheResult() {
        var s = withDetail()
        _ = send(&s, .character("c"))
        _ = send(&s, .down)
        #expect(send(&s, .enter).isEmpty)
        #expect(s.workshop.prompt?.purpose == .qcFailNote(roID: 1))
        #expect(send(&s, .enter).isEmpty && s.workshop.prompt != nil)  // a failure needs its reason
        for ch in "漏油" { _ = send(&s, .character(ch)) }
        #expect(send(&s, .enter) == [.workshop(.loadInspectors(roID: 1, passed: false, note: "漏油"))])
        _ = reduce(&s, .workshop(.inspectorsLoaded(roID: 1, passed: false, note: "漏油",
                                                   [StaffChoice(id: 7, name: "梁振华", skillLevel: 4),
                                                    StaffChoice(id: 4, name: "郑建国", skillLevel: 0)], operatorID: 4)))
        #expect(s.workshop.picker?.selected == 1)
        #expect(send(&s, .up, .enter) == [.workshop(.recordQC(roID: 1, passed: false, note: "漏油", inspectorID: 7))])
        _ = reduce(&s, .workshop(.inspectorsLoaded(roID: 1, passed: true, note: "", [], operatorID: 4)))
        #expect(s.workshop.picker == nil && s.status?.message == OrderStrings.noInspector)
    }
}
