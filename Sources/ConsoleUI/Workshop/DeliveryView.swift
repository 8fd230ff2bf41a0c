import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// Orders ready for pickup on the left, the selected order's checklist on the right.
enum DeliveryView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let d = state.workshop.delivery
        let queueWidth = area.width >= 110 ? 44 : 30
        let (left, right) = area.splitLeft(queueWidth)
        let count = d.queue.map { "\($0.total)" }
        let queueInner = Box(title: state.text(WorkshopStrings.readyQueue), rightTitle: count, focused: !d.checklistFocused,
                             style: border).render(into: &buffer, area: left)
        if let queue = d.queue {
            let rows = queue.rows.map { row in
                TableRow([TableCell(Plate.display(row.plate), role: WorkshopView.riskRole(row.risk(now: state.now))),
                          TableCell(row.customerName),
                          TableCell(ShopTime.clock(row.promisedAt, state.timeZone, now: state.now))])
            }
            let table = Table(columns: [TableColumn(state.text(WorkshopStrings.colPlate), width: .fixed(10)),
                                        TableColumn(state.text(WorkshopStrings.colCustomer), width: .flexible(1)),
                                        TableColumn(state.text(WorkshopStrings.colPromised), width: .fixed(5))],
                              rows: rows, emptyMessage: state.text(WorkshopStrings.emptyQueue))
            let visible = Table.visibleRowCount(in: queueInner)
            var ts = TableState(selected: d.selected - queue.offset, offset: 0, pageSize: visible)
            ts.clamp(rowCount: rows.count, visibleHeight: visible)
            table.render(into: &buffer, area: queueInner, state: ts)
        }

        let title = d.context.map { "\(state.text(WorkshopStrings.checklist)) · \($0.order.number)" }
            ?? state.text(WorkshopStrings.checklist)
        let inner = Box(title: title, focused: d.checklistFocused, style: border).render(into: &buffer, area: right)
        if let context = d.context, inner.height >= 4 {
            renderChecklist(context, state, into: &buffer, area: inner)
        }
        if let summary = d.summary {
            _ = Modal(title: state.text(WorkshopStrings.summaryTitle), message: summary,
                      hint: state.text(WorkshopStrings.summaryHint), style: border, preferredWidth: min(area.width - 2, 76))
                .render(into: &buffer, area: area)
        }
    }

    static func renderChecklist(_ c: DeliveryContext, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let d = state.workshop.delivery
        var y = area.y
        func line(_ text: String, role: StyleRole = .normal) {
            guard y < area.maxY else { return }
            buffer.write(text, in: Rect(x: area.x + 1, y: y, width: area.width - 2, height: 1), role: role)
            y += 1
        }
        line("\(Plate.display(c.plate)) \(c.model) · \(c.customerName) · "
             + state.text(c.order.repairClass.label), role: .muted)
        let final = c.finalLabour + c.finalParts
        let agreed = c.order.estimateTotal + WorkLines.approvedAdditional(c.jobs)
        var amounts = "\(state.text(WorkshopStrings.estimate)) \(c.order.estimateTotal)  \(state.text(WorkshopStrings.final)) \(final)"
        if final == .zero && WorkLines.isFreeOfCharge(c.jobs) { amounts += "  " + state.text(OrderStrings.freeOfCharge) }
        line(amounts, role: final == agreed ? .muted : "ro.atRisk")
        if c.qcFailed { line(state.text(OrderStrings.qcFailedBlocks), role: .error) }
        for (i, item) in c.items.enumerated() {
            guard y < area.maxY else { break }
            let byData = DeliveryChecklistMarks.satisfiedByData(item, c)
            let mark: String
            var suffix = ""
            switch d.ticked[item.key] {
            case .overridden(let reason)?:
                mark = "[!]"
                suffix = " — \(state.text(WorkshopStrings.overriddenMark)): \(reason)"
            case .doneWithNote(let note)?:
                mark = "[x]"
                suffix = " — \(note)"
            case .done?:
                mark = "[x]"
            case nil:
                mark = byData ? "[x]" : "[ ]"
                if byData { suffix = " " + state.text(WorkshopStrings.byData) }
            }
            let selected = d.checklistFocused && i == d.item
            let rect = Rect(x: area.x, y: y, width: area.width, height: 1)
            if selected { buffer.fill(rect, role: .selection) }
            let role: StyleRole = selected ? .selection : (mark == "[ ]" ? .normal : (mark == "[!]" ? "ro.atRisk" : "ro.onTrack"))
            buffer.write(" \(mark) \(state.text(item.label))\(suffix)", in: rect, role: role)
            y += 1
        }
    }
}

enum DeliveryChecklistMarks {
    static func satisfiedByData(_ item: DeliveryItem, _ c: DeliveryContext) -> Bool { c.isSatisfiedByData(item) }
}
