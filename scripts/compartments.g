// SPDX-License-Identifier: GPL-2.0-or-later
// compartments.g: prototype compartments for readcell, under the names
// GENESIS's neurokit library gives them. Each make_* function creates
// (or resets) one element in the working element, normally /library:
//
//   make_cylind_compartment       "compartment", a 100 x 2 um cylinder
//   make_cylind_symcompartment    "symcompartment", the same, symmetric
//   make_sphere_compartment       "compartment_sphere", a 20 um sphere
//   make_sphere_symcompartment    "symcompartment_sphere", the same
//
// readcell sets Rm, Cm, Ra, Em, initVm, len and dia of every copy itself,
// so the values here matter only for the prototype's own children (they
// are rescaled from its size) and for scripts that copy it directly. They
// are neurokit's defaults: RM 0.33333 ohm m^2, CM 0.01 F/m^2, RA 0.3 ohm m,
// EREST_ACT -0.07 V and pi taken as 3.14159.

// Creates element PATH of class OBJECT when it does not exist, and gives
// it the passive constants of a compartment of length LEN (0: a sphere)
// and diameter DIA, in m.
function gs_set_proto_compartment(path, object, len, dia)
    str path, object
    float len, dia
    float rm = 0.33333, cm = 0.01, ra = 0.3, erest = -0.07, pi = 3.14159
    float area, raxial
    if (len > 0)
        area = len * dia * pi
        raxial = 4.0 * ra * len / (dia * dia * pi)
    else
        // a sphere: its whole surface, and the axial resistance of a
        // cylinder as long as its diameter, halved (neurokit's choice)
        area = dia * dia * pi
        raxial = 8.0 * ra / (dia * pi)
    end
    if (!{exists {path}})
        create {object} {path}
    end
    setfield {path} Cm {cm * area} Ra {raxial} Em {erest} Rm {rm / area} \
        dia {dia} len {len} inject 0.0
end

function make_cylind_compartment
    gs_set_proto_compartment compartment compartment 100.0e-6 2.0e-6
end

function make_cylind_symcompartment
    gs_set_proto_compartment symcompartment symcompartment 100.0e-6 2.0e-6
end

function make_sphere_compartment
    gs_set_proto_compartment compartment_sphere compartment 0.0 20.0e-6
end

function make_sphere_symcompartment
    gs_set_proto_compartment symcompartment_sphere symcompartment 0.0 20.0e-6
end
