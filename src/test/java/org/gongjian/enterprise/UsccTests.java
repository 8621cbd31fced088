package org.gongjian.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The GB 32100 check character of the unified social credit code. */
class UsccTests {

    @Test
    void published_codes_of_real_enterprises_check() {
        // 腾讯科技（深圳）、深圳市腾讯计算机系统、华为技术 — codes as printed on their public records
        assertThat(Uscc.valid("9144030071526726XG")).isTrue();
        assertThat(Uscc.valid("91440300708461136T")).isTrue();
        assertThat(Uscc.valid("91110000802100433B")).isTrue();
        assertThat(Uscc.checkCharacter("9144030071526726X")).isEqualTo('G');
        assertThat(Uscc.checkCharacter("91440300708461136")).isEqualTo('T');
    }

    @Test
    void a_wrong_check_character_a_wrong_length_or_a_letter_outside_the_set_fails() {
        assertThat(Uscc.valid("9144030071526726XH")).isFalse();
        assertThat(Uscc.valid("91440300708461136")).isFalse();
        assertThat(Uscc.valid("914403007084611360T")).isFalse();
        // I, O, S, V and Z are not in the set
        assertThat(Uscc.valid("91440300708461136O")).isFalse();
        assertThat(Uscc.valid("9144030070846113ST")).isFalse();
        assertThat(Uscc.valid(null)).isFalse();
        assertThat(Uscc.valid("")).isFalse();
    }

    @Test
    void lower_case_and_spaces_are_normalised() {
        assertThat(Uscc.valid(" 9144030071526726xg ")).isTrue();
        assertThat(Uscc.normalise(" 9144030071526726xg ")).isEqualTo("9144030071526726XG");
    }

    @Test
    void every_residue_gives_a_character_of_the_set_and_0_when_the_sum_is_a_multiple_of_31() {
        // 17 zeros: sum 0, check character 0
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
        // a 1 in the first place (weight 1): 31 - 1 = 30, the last character of the set, Y
        assertThat(Uscc.checkCharacter("10000000000000000")).isEqualTo('Y');
        assertThatThrownBy(() -> Uscc.checkCharacter("1000000000000000I")).isInstanceOf(IllegalArgumentException.class);
    }
}
