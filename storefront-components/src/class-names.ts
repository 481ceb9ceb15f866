/** Styling hooks every component takes. */
export type Themable<Part extends string> = {
  /** Added to the root element. */
  className?: string
  /** Added to each named part. */
  classNames?: Partial<Record<Part, string>>
  /** Leave out the built-in `coupons-*` classes (the ones `styles.css` targets). */
  unstyled?: boolean
}

export const cx = (...names: Array<string | false | null | undefined>): string | undefined => names.filter(Boolean).join(" ") || undefined

/** `part("input")` → "coupons-form__input" plus the caller's class for that part. */
export const partClasses =
  <Part extends string>(block: string, props: Themable<Part>) =>
  (part: Part | "root") =>
    cx(
      !props.unstyled && (part === "root" ? block : `${block}__${part}`),
      props.classNames?.[part as Part],
      part === "root" && props.className
    )
