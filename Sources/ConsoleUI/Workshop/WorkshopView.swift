import ConsoleCore
import ScreenKit
import ServiceDomain

/// The workshop panels' views: the waiting board (F5) and delivery (F6), with their prompt and picker.
enum WorkshopView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        switch state.panel {
        case .delivery: DeliveryView.render(state, into: &buffer, area: area, border: border)
        default: WaitingBoardView.render(state, into: &buffer, area: area, border: border)
        }
        if let picker = state.workshop.picker { renderPicker(picker, state, into: &buffer, area: area, border: border) }
        if let prompt = state.workshop.prompt { renderPrompt(prompt, state, into: &buffer, area: area, border: border) }
    }

    static func renderPicker(_ picker: WorkshopPicker, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        let labels = picker.options.map { state.text($0.label) }
        let width = min(area.width - 4, max(36, (labels.map(\.displayWidth).max() ?? 0) + 8,
                                            state.text(picker.title).displayWidth + 6))
        let height = min(area.height, picker.options.count + 4)
        let frame = area.centered(width: width, height: height)
        buffer.fill(frame, role: .dialog)
        let inner = Box(title: state.text(picker.title), focused: true, style: border, borderRole: .dialog)
            .render(into: &buffer, area: frame)
        let visible = max(1, inner.height - 1)
        let first = max(0, min(picker.selected - visible + 1, picker.options.count - visible))
        for (row, index) in (first..<min(picker.options.count, first + visible)).enumerated() {
            let line = Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1)
            let selected = index == picker.selected
            if selected { buffer.fill(line, role: .selection) }
            buffer.write(" " + labels[index], in: line, role: selected ? .selection : .dialog)
        }
        buffer.write(state.text(WorkshopStrings.pickerHint), in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1),
                     alignment: .center, role: .muted)
    }

    static func renderPrompt(_ prompt: WorkshopPrompt, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        let width = min(area.width - 4, 72)
        let frame = area.centered(width: width, height: 6)
        buffer.fill(frame, role: .dialog)
        let inner = Box(title: state.text(prompt.title), focused: true, style: border, borderRole: .dialog)
            .render(into: &buffer, area: frame)
        TextInput(placeholder: "", focused: true)
            .render(into: &buffer, area: Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: 1),
                    state: prompt.input)
        buffer.write(state.text(prompt.hint), in: Rect(x: inner.x + 1, y: inner.y + 3, width: inner.width - 2, height: 1),
                     role: .muted)
    }

    /// A short label for tight columns: the first word of the English label, the whole Chinese one.
    static func shortStage(_ stage: ROStage, _ language: Language, narrow: Bool = false) -> String {
        if language == .zhHans { return stage.label.zh }
        if narrow {
            // Eight columns at 80x24: words that fit whole rather than cut ones.
            switch stage {
            case .checkedIn: return "Arrived"
            case .dispatched: return "Assigned"
            case .inProgress: return "Working"
            case .waitingParts: return "Parts"
            default: break
            }
        }
        switch stage {
        case .checkedIn: return "Checked in"
        case .dispatched: return "Dispatched"
        case .inProgress: return "In progress"
        case .waitingParts: return "Parts wait"
        case .qualityCheck: return "QC"
        case .washing: return "Washing"
        case .readyForPickup: return "Ready"
        case .delivered: return "Delivered"
        case .onHold: return "On hold"
        case .cancelled: return "Cancelled"
        }
    }

    static func riskRole(_ risk: PromiseRisk) -> StyleRole {
        switch risk {
        case .missed: "ro.overdue"
        case .atRisk: "ro.atRisk"
        case .onTrack: "ro.onTrack"
        }
    }
}
