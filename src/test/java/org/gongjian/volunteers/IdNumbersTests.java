package org.gongjian.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GB 11643 check digits, 'X', and the masked forms. */
class IdNumbersTests {

    @Test
    void a_number_with_the_right_check_digit_is_valid_and_a_wrong_one_is_not() {
        String first17 = "44078319900307123";
        char check = IdNumbers.checkDigit(first17);
        assertThat(IdNumbers.valid(first17 + check)).isTrue();
        char wrong = check == '0' ? '1' : '0';
        assertThat(IdNumbers.valid(first17 + wrong)).isFalse();
        // the published example of GB 11643: 11010519491231002X
        assertThat(IdNumbers.valid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.valid("110105194912310021")).isFalse();
        assertThat(IdNumbers.valid("440524188001010014")).isFalse(); // born before 1900
        assertThat(IdNumbers.valid("440783199002301234")).isFalse(); // 30 February
        assertThat(IdNumbers.valid("44078319900307")).isFalse();
        assertThat(IdNumbers.valid(null)).isFalse();
    }

    @Test
    void a_number_is_shown_with_its_first_six_and_last_two_digits_and_a_name_with_its_first_character() {
        assertThat(IdNumbers.mask("440783199003071212")).isEqualTo("440783**********12");
        assertThat(IdNumbers.maskName("关嘉欣")).isEqualTo("关**");
        assertThat(IdNumbers.maskName("司徒")).isEqualTo("司*");
    }
}
