package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.en;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12: a formula KaTeX would refuse is reported at import; one KaTeX renders is never refused. */
class TexCheckTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\\frac{1}{2}",
                "\\frac12 + \\dfrac{a}{b}",
                "x_1^2 + x^{2}_{1}",
                "\\sqrt[3]{x} + \\sqrt2",
                "\\left( \\frac{a}{b} \\right)^2",
                "\\left.\\frac{df}{dx}\\right|_{x=0}",
                "\\left\\{ x \\right.",
                "\\left\\langle u, v \\right\\rangle",
                "\\left( a \\middle| b \\right)",
                "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
                "f(x) = \\begin{cases} x & x > 0 \\\\ -x & x \\le 0 \\end{cases}",
                "\\begin{array}{|c|c|} 1 & 2 \\\\ \\hline 3 & 4 \\end{array}",
                "\\begin{aligned} a &= b \\\\ &= c \\end{aligned}",
                "\\text{if } x^2 > 0 \\text{ then {it} holds}",
                "\\{ x \\mid x > 0 \\}",
                "50\\% \\cdot a",
                "\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}",
                "\\int_0^1 f(x)\\,dx",
                "\\mathbb{R}^n, \\overline{AB}, \\vec{v}, \\hat x",
                "{}^{14}_{6}C",
                "e^{i\\pi} + 1 = 0",
                "\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1",
                "f'(x) = 2x",
                "\\operatorname{tg} \\alpha",
                "\\unknownmacro{x}",
                "a \\\\ b",
                "x^{}",
                "\\color{red}{x} + \\textcolor{blue}{y}",
                "x < y > z",
                "% a comment\n x"
            })
    void whatKaTeXRendersIsAccepted(String tex) {
        assertEquals(Optional.empty(), TexCheck.check(tex).map(Fixtures::en));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '#',
            quoteCharacter = '"',
            value = {
                "\\frac{1}{2#a '{' is never closed",
                "x}#'}' without a matching '{'",
                "\\left( x#\\left without a matching \\right",
                "x \\right)#\\right without a matching \\left",
                "{ \\left( x }#\\left without a matching \\right",
                "\\left x \\right)#\\left is followed by x, which is not a delimiter",
                "\\left(x\\right#\\right is followed by -, which is not a delimiter",
                "a \\middle| b#\\middle outside a \\left ... \\right pair",
                "\\begin{matrix} a \\end{pmatrix}#\\begin{matrix} is closed by \\end{pmatrix}",
                "\\begin{matrix} a#\\begin{matrix} is never closed by its \\end",
                "\\begin{matrix} { a \\end{matrix}#a '{' is never closed",
                "\\end{matrix}#\\end{matrix} without a matching \\begin",
                "\\begin{eqnarray} a \\end{eqnarray}#the environment eqnarray is not one the formula renderer (KaTeX) knows",
                "x^#^ is missing its argument",
                "x_}#_ is missing its argument",
                "\\frac{1}#\\frac is missing its argument",
                "\\sqrt#\\sqrt is missing its argument",
                "x^2^3#two '^' on the same base: put them in one group",
                "x_a^b_c#two '_' on the same base: put them in one group",
                "a & b#'&' outside an array, matrix or aligned environment",
                "\\begin#\\begin is missing its argument"
            })
    void whatKaTeXRefusesIsReportedWithTheReason(String tex, String why) {
        assertEquals(Optional.of(why), TexCheck.check(tex).map(Fixtures::en));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "<p>Solve \\(x^2 = 4\\) and \\[\\frac{1}{2}\\] and $$\\sqrt{2}$$.</p>",
                "<p>It costs $5 or $6, and \\$\\$ is two dollars; \\\\(not a formula</p>",
                "<p>\\(a &lt; b\\) and \\(\\left\\{ x \\right\\}\\)</p>",
                "<p>No formula at all</p>",
                "<p>In bash, echo $$ prints the process id</p>"
            })
    void formulasAreFoundAsMoodlesMathJaxFilterWritesThem(String html) {
        assertEquals(Optional.empty(), TexFormulas.firstProblem(html));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            quoteCharacter = '"',
            value = {
                "<p>Take \\(\\frac{1}{2\\) of it</p>#\\(\\frac{1}{2\\)#a '{' is never closed",
                "<p>See \\(x^2 here</p>#\\(x^2 here#\\( is never closed by \\)",
                "<p>$$x^2^3$$ and \\[ \\]</p>#$$x^2^3$$#two '^' on the same base: put them in one group",
                "<p>ok \\(x\\) then \\[\\left( x\\]</p>#\\[\\left( x\\]#\\left without a matching \\right"
            })
    void theFirstFormulaThatDoesNotParseIsNamed(String html, String formula, String why) {
        TexFormulas.Problem problem = TexFormulas.firstProblem(html).orElseThrow();
        assertEquals(formula, problem.formula());
        assertEquals(why, en(problem.why()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\(", "\\["})
    void aLongUnclosedFormulaIsShortenedInTheReport(String open) {
        TexFormulas.Problem problem =
                TexFormulas.firstProblemInText(open + "x".repeat(200)).orElseThrow();
        assertTrue(problem.formula().length() <= 60 && problem.formula().endsWith("..."), problem.formula());
    }
}
