import Testing
import ScreenKit
@testable import NCursesBackend

@Suite struct ColorDepthDecisionTests {
    private func caps(hasColors: Bool = true, colors: Int = 256, direct: Bool = false,
                      colorTerm: String? = nil, noColor: String? = nil) -> ColorCapabilities {
        ColorCapabilities(hasColors: hasColors, colors: colors, directColor: direct, colorTerm: colorTerm, noColor: noColor)
    }

    @Test func depthFollowsTheTerminalsColorCount() {
        #expect(ColorSupport.decide(caps(colors: 256)).depth == .colors256)
        #expect(ColorSupport.decide(caps(colors: 88)).depth == .colors8)
        #expect(ColorSupport.decide(caps(colors: 16)).depth == .colors8)
        #expect(ColorSupport.decide(caps(colors: 8)).depth == .colors8)
        #expect(ColorSupport.decide(caps(colors: 0x1000000)).depth == .truecolor)
        #expect(ColorSupport.decide(caps(colors: 256, direct: true)).depth == .truecolor)
    }

    @Test func noColorsMeansMono() {
        #expect(ColorSupport.decide(caps(hasColors: false, colors: 0)).depth == .mono)
        #expect(ColorSupport.decide(caps(hasColors: false, colors: 256)).depth == .mono)
        #expect(ColorSupport.decide(caps(colors: 2)).depth == .mono)
    }

    @Test func noColorVariableMeansMonoUnlessEmpty() {
        let decision = ColorSupport.decide(caps(colors: 256, noColor: "1"))
        #expect(decision.depth == .mono)
        #expect(decision.note != nil)
        #expect(ColorSupport.decide(caps(colors: 256, noColor: "")).depth == .colors256)
        #expect(ColorSupport.decide(caps(colors: 0x1000000, colorTerm: "truecolor", noColor: "yes")).depth == .mono)
    }

    @Test func colortermTruecolorNeedsADirectColorEntry() {
        let on256 = ColorSupport.decide(caps(colors: 256, colorTerm: "truecolor"))
        #expect(on256.depth == .colors256)
        #expect(on256.note?.contains("xterm-direct") == true)
        #expect(ColorSupport.decide(caps(colors: 256, colorTerm: "24bit")).note != nil)
        let direct = ColorSupport.decide(caps(colors: 0x1000000, direct: true, colorTerm: "truecolor"))
        #expect(direct == ColorDecision(depth: .truecolor, note: nil))
        #expect(ColorSupport.decide(caps(colors: 256, colorTerm: "yes")).note == nil)
    }

    @Test func requestedDepthWinsButNeverExceedsTheTerminal() {
        #expect(ColorSupport.decide(caps(colors: 256, noColor: "1"), requested: .colors8).depth == .colors8)
        #expect(ColorSupport.decide(caps(colors: 256), requested: .mono).depth == .mono)
        let tooMuch = ColorSupport.decide(caps(colors: 8), requested: .truecolor)
        #expect(tooMuch.depth == .colors8)
        #expect(tooMuch.note != nil)
        #expect(ColorSupport.decide(caps(hasColors: false, colors: 0), requested: .colors256).depth == .mono)
    }
}

@Suite struct CursesColorNumberTests {
    private func number(_ c: TerminalColor, colors: Int = 256, direct: Bool = false, defaults: Bool = true,
                        fg: Bool = true) -> (Int32, Bool) {
        let r = ColorSupport.cursesColor(c, colors: colors, directColor: direct, defaultColorsWork: defaults, isForeground: fg)
        return (r.number, r.brightensForeground)
    }

    @Test func defaultColorIsMinusOneWhenTheTerminalAllowsIt() {
        #expect(number(.default) == (-1, false))
        #expect(number(.default, defaults: false, fg: true) == (7, false))
        #expect(number(.default, defaults: false, fg: false) == (0, false))
    }

    @Test func brightColorsOnAnEightColorTerminalBecomeBold() {
        #expect(number(.ansi(9), colors: 8) == (1, true))
        #expect(number(.ansi(9), colors: 8, fg: false) == (1, false))
        #expect(number(.ansi(9), colors: 16) == (9, false))
        #expect(number(.ansi(3), colors: 8) == (3, false))
    }

    @Test func indexedAndRGBFollowThePalette() {
        #expect(number(.indexed(203)) == (203, false))
        #expect(number(.indexed(203), colors: 8) == (1, false))
        #expect(number(.rgb(0xff, 0x5f, 0x5f)) == (203, false))
        #expect(number(.rgb(0xff, 0x5f, 0x5f), colors: 8) == (1, false))
    }

    @Test func directColorSendsRGBNumbers() {
        #expect(number(.rgb(0x12, 0x34, 0x56), colors: 0x1000000, direct: true) == (0x123456, false))
        // Below 8 a direct-color entry means an ANSI color: pure black must not become ANSI black.
        #expect(number(.rgb(0, 0, 0), colors: 0x1000000, direct: true) == (8, false))
        #expect(number(.ansi(1), colors: 0x1000000, direct: true) == (1, false))
        #expect(number(.indexed(196), colors: 0x1000000, direct: true) == (0xff0000, false))
        #expect(number(.ansi(9), colors: 0x1000000, direct: true) == (0xff0000, false))
    }
}

@Suite struct NearestColorTests {
    @Test func exactPaletteColorsMapToThemselves() {
        for index in 16...255 {
            let rgb = ColorApproximation.rgb(ofIndex: index)
            #expect(ColorApproximation.nearest256(rgb) == index, "index \(index) = \(rgb)")
        }
    }

    @Test func inBetweenColorsMapToTheClosestStep() {
        #expect(ColorApproximation.nearest256(RGB(0xff, 0x60, 0x60)) == 203)
        #expect(ColorApproximation.nearest256(RGB(250, 250, 250)) == 231) // white cube corner, not gray 255
        #expect(ColorApproximation.nearest256(RGB(0x80, 0x80, 0x80)) == 244)
        #expect(ColorApproximation.nearest256(RGB(0x30, 0x30, 0x30)) == 236)
        #expect(ColorApproximation.nearest256(RGB(1, 2, 3)) == 16)
        #expect(ColorApproximation.nearest256(RGB(0x00, 0x50, 0xa0)) == 25)
    }

    @Test func nearestANSIPicksTheObviousColor() {
        #expect(ColorApproximation.nearestANSI(RGB(250, 10, 10)) == 1)
        #expect(ColorApproximation.nearestANSI(RGB(10, 200, 20)) == 2)
        #expect(ColorApproximation.nearestANSI(RGB(255, 215, 95)) == 3)
        #expect(ColorApproximation.nearestANSI(RGB(20, 20, 230)) == 4)
        #expect(ColorApproximation.nearestANSI(RGB(0, 190, 200)) == 6)
        #expect(ColorApproximation.nearestANSI(RGB(240, 240, 240)) == 7)
        #expect(ColorApproximation.nearestANSI(RGB(20, 20, 20)) == 0)
    }
}
