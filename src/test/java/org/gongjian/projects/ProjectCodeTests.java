package org.gongjian.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The national project code: 24 characters, YYYY-DDDDDD-II-TT-NNNNNN. */
class ProjectCodeTests {

    @Test
    void the_codes_of_the_gep_conversion_projects_are_well_formed() {
        assertThat(ProjectCode.valid("2024-440783-05-03-823001")).isTrue();
        assertThat(ProjectCode.valid("2024-440783-05-03-823002")).isTrue();
        assertThat("2024-440783-05-03-823001").hasSize(ProjectCode.LENGTH);
    }

    @Test
    void a_code_of_the_wrong_length_or_shape_is_refused() {
        assertThat(ProjectCode.valid("2024-440783-05-03-82300")).as("23 characters").isFalse();
        assertThat(ProjectCode.valid("2024-440783-05-03-8230011")).as("25 characters").isFalse();
        assertThat(ProjectCode.valid("2024440783-05-03-8230011")).as("a dash missing").isFalse();
        assertThat(ProjectCode.valid("2024-44O783-05-03-823001")).as("a letter O for a zero").isFalse();
        assertThat(ProjectCode.valid("2024-440783-0A-03-823001")).as("a letter in the department").isFalse();
        assertThat(ProjectCode.valid("2024_440783_05_03_823001")).as("underscores").isFalse();
    }

    @Test
    void a_code_needs_a_plausible_year_and_a_province_level_region() {
        assertThat(ProjectCode.valid("1999-440783-05-03-823001")).as("before the platform").isFalse();
        assertThat(ProjectCode.valid("2999-440783-05-03-823001")).as("far future").isFalse();
        assertThat(ProjectCode.valid("2024-990783-05-03-823001")).as("no province 99").isFalse();
        assertThat(ProjectCode.valid("2024-000000-05-03-823001")).as("no region").isFalse();
    }

    @Test
    void full_width_digits_and_dashes_as_typed_on_a_phone_are_made_plain() {
        assertThat(ProjectCode.normalise(" ２０２４－440783－05－03－823001 ")).isEqualTo("2024-440783-05-03-823001");
    }
}
