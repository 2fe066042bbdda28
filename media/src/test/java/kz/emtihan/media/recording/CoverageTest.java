package kz.emtihan.media.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageTest {

    /** Attempt 0..600 s, segments of 60 s unless stated; starts in seconds separated by ';'. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                          | start | end  | segSec | starts (s)                          | expected
        no segments                     | 0     | 600  | 60     | ''                                  | 0.0
        all ten segments                | 0     | 600  | 60     | 0;60;120;180;240;300;360;420;480;540 | 1.0
        half of them                    | 0     | 600  | 60     | 0;60;120;180;240                    | 0.5
        one missing in the middle       | 0     | 600  | 60     | 0;60;120;180;300;360;420;480;540    | 0.9
        last segment runs past the end  | 0     | 90   | 60     | 0;60                                | 1.0
        segment before the attempt      | 0     | 600  | 60     | -30                                 | 0.05
        segment entirely before          | 0     | 600  | 60     | -120                                | 0.0
        segment entirely after          | 0     | 600  | 60     | 600                                 | 0.0
        overlap counted once            | 0     | 600  | 60     | 0;30                                | 0.15
        same time two streams           | 0     | 600  | 60     | 0;0;60;60                           | 0.2
        short attempt                   | 100   | 130  | 60     | 90                                  | 1.0
        zero-length attempt             | 100   | 100  | 60     | 100                                 | 0.0
        """)
    void table(String name, long start, long end, long segSec, String starts, double expected) {
        List<Long> list = starts == null || starts.isBlank()
                ? List.of()
                : Arrays.stream(starts.split(";"))
                        .map(s -> Long.parseLong(s.trim()) * 1000)
                        .collect(Collectors.toList());
        assertEquals(expected, Coverage.ratio(start * 1000, end * 1000, segSec * 1000, list), 1e-9, name);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Coverage.ratio(10, 5, 1000, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Coverage.ratio(0, 5, 0, List.of()));
    }

    @Test
    void hugeStartDoesNotOverflow() {
        assertEquals(0.0, Coverage.ratio(0, 1000, Long.MAX_VALUE, List.of(Long.MAX_VALUE - 1)), 1e-9);
        assertEquals(1.0, Coverage.ratio(0, 1000, Long.MAX_VALUE, List.of(0L)), 1e-9);
    }
}
