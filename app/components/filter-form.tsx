import { Form, useLocation, useNavigate, type FormProps } from "@remix-run/react";
import type { FormEvent } from "react";

/**
 * A GET search/filter form. Without JavaScript it is a plain form; with it, empty fields are left out
 * of the URL so shared links stay short (`?sector=fintech` rather than `?q=&sector=fintech&stage=…`).
 */
export function FilterForm({ children, ...props }: Omit<FormProps, "method" | "onSubmit">) {
  const navigate = useNavigate();
  const location = useLocation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    }
    const search = params.toString();
    navigate(`${location.pathname}${search ? `?${search}` : ""}`);
  };
  return (
    <Form method="get" onSubmit={onSubmit} {...props}>
      {children}
    </Form>
  );
}
